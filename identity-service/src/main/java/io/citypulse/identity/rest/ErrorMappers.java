package io.citypulse.identity.rest;

import io.citypulse.identity.token.OAuthException;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemExceptionMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Error responses of this service. OAuth endpoints return RFC 6749 JSON errors, and the admin and
 * self-service API returns problem+json for 401 and 403 like for every other error.
 */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response mapOAuth(OAuthException exception) {
    Response.ResponseBuilder response =
        Response.status(exception.status())
            .type(MediaType.APPLICATION_JSON)
            .header("Cache-Control", "no-store")
            .header("Pragma", "no-cache")
            .entity(
                Map.of("error", exception.error(), "error_description", exception.description()));
    if ("invalid_client".equals(exception.error())) {
      response.header("WWW-Authenticate", "Basic realm=\"citypulse\"");
    }
    if ("invalid_token".equals(exception.error())) {
      response.header(
          "WWW-Authenticate",
          "Bearer realm=\"citypulse\", error=\"invalid_token\", error_description=\""
              + exception.description()
              + "\"");
    }
    return response.build();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response mapUnauthorized(RuntimeException exception) {
    return Response.fromResponse(
            ProblemExceptionMappers.respond(
                Problem.of(401, "unauthorized", "Authentication required")
                    .detail("Send a valid access token as 'Authorization: Bearer <token>'.")
                    .build()))
        .header("WWW-Authenticate", "Bearer realm=\"citypulse\"")
        .build();
  }

  @ServerExceptionMapper
  public Response mapForbidden(ForbiddenException exception) {
    return ProblemExceptionMappers.respond(
        Problem.of(403, "forbidden", "Access denied")
            .detail("Your role does not allow this operation.")
            .build());
  }
}
