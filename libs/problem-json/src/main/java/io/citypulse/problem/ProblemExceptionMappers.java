package io.citypulse.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem+json response. Stack
 * traces and request bodies are never sent to the caller; unexpected errors are logged once.
 */
public class ProblemExceptionMappers {

  @ServerExceptionMapper
  public Response mapProblem(ProblemException exception) {
    return respond(exception.problem());
  }

  @ServerExceptionMapper
  public Response mapAuthenticationFailed(AuthenticationFailedException exception) {
    return respond(
        Problem.of(401, "unauthorized", "Authentication failed")
            .detail(
                "The access token was rejected: it is expired, malformed, not signed by the"
                    + " configured issuer, or the issuer cannot be reached. Get a new token.")
            .build());
  }

  @ServerExceptionMapper
  public Response mapUnauthorized(UnauthorizedException exception) {
    return respond(
        Problem.of(401, "unauthorized", "Authentication required")
            .detail("This resource needs a bearer access token.")
            .build());
  }

  @ServerExceptionMapper
  public Response mapForbidden(ForbiddenException exception) {
    return respond(
        Problem.of(403, "forbidden", "Forbidden")
            .detail("Your role may not use this resource.")
            .build());
  }

  @ServerExceptionMapper
  public Response mapConstraintViolation(ConstraintViolationException exception) {
    List<Map<String, Object>> errors =
        exception.getConstraintViolations().stream()
            .map(ProblemExceptionMappers::describe)
            .collect(Collectors.toList());
    String detail =
        errors.stream()
            .map(error -> "'" + error.get("field") + "' " + error.get("expected"))
            .collect(Collectors.joining("; "));
    return respond(
        Problem.of(400, "validation-failed", "Request validation failed")
            .detail(detail)
            .with("errors", errors)
            .build());
  }

  private static Map<String, Object> describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    // Parameter paths look like "create.request.name": the method and argument names are noise.
    String[] parts = path.split("\\.");
    String field =
        parts.length > 2
            ? String.join(".", List.of(parts).subList(2, parts.length))
            : parts[parts.length - 1];
    Object value = violation.getInvalidValue();
    return value == null || value.toString().length() > 200
        ? Map.of("field", field, "expected", violation.getMessage())
        : Map.of("field", field, "value", value, "expected", violation.getMessage());
  }

  @ServerExceptionMapper
  public Response mapJsonParse(JsonParseException exception) {
    return respond(
        Problem.of(400, "malformed-json", "Malformed JSON")
            .detail(
                "The request body is not valid JSON at line "
                    + exception.getLocation().getLineNr()
                    + ", column "
                    + exception.getLocation().getColumnNr()
                    + ": "
                    + exception.getOriginalMessage())
            .build());
  }

  @ServerExceptionMapper
  public Response mapUnknownProperty(UnrecognizedPropertyException exception) {
    return respond(
        Problem.of(400, "unknown-field", "Unknown field")
            .detail(
                "Field '"
                    + exception.getPropertyName()
                    + "' is not known; expected one of "
                    + exception.getKnownPropertyIds())
            .with("field", exception.getPropertyName())
            .build());
  }

  @ServerExceptionMapper
  public Response mapInvalidFormat(InvalidFormatException exception) {
    String field = fieldPath(exception);
    return respond(
        Problem.of(400, "invalid-field", "Invalid request field")
            .detail(
                "Field '"
                    + field
                    + "' has the invalid value '"
                    + exception.getValue()
                    + "': expected "
                    + exception.getTargetType().getSimpleName())
            .with("field", field)
            .with("value", String.valueOf(exception.getValue()))
            .with("expected", exception.getTargetType().getSimpleName())
            .build());
  }

  @ServerExceptionMapper
  public Response mapJsonMapping(JsonMappingException exception) {
    String field = fieldPath(exception);
    return respond(
        Problem.of(400, "invalid-body", "Invalid request body")
            .detail(
                (field.isEmpty() ? "The body" : "Field '" + field + "'")
                    + " cannot be read: "
                    + exception.getOriginalMessage())
            .with("field", field.isEmpty() ? null : field)
            .build());
  }

  @ServerExceptionMapper
  public Response mapWebApplication(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    if (status >= 500) {
      Log.errorf(exception, "Request failed with status %d", status);
    }
    String reason = exception.getResponse().getStatusInfo().getReasonPhrase();
    return respond(
        Problem.of(status, "http-" + status, reason)
            .detail(status >= 500 ? null : exception.getMessage())
            .build());
  }

  @ServerExceptionMapper
  public Response mapUnexpected(Exception exception) {
    Log.error("Unexpected error while handling a request", exception);
    return respond(
        Problem.of(500, "internal-error", "Internal server error")
            .detail("The request failed on the server. Retry later; the error has been logged.")
            .build());
  }

  private static String fieldPath(JsonMappingException exception) {
    return exception.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** Builds the response for a problem, with the problem+json media type. */
  public static Response respond(Problem problem) {
    Response.ResponseBuilder response =
        Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.getStatus() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.build();
  }
}
