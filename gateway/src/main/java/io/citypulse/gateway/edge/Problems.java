package io.citypulse.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.problem.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Sends problem+json responses from the Vert.x handlers of the edge and the proxy, and adds the
 * request id to problems built elsewhere.
 */
@ApplicationScoped
public class Problems {

  private final ObjectMapper json;

  public Problems(ObjectMapper json) {
    this.json = json;
  }

  /** Ends the response with the problem and its request id, unless headers were sent already. */
  public void send(RoutingContext context, Problem problem) {
    HttpServerResponse response = context.response();
    if (response.headWritten()) {
      // The upstream's status line is out; all that can be done is to cut the connection.
      Log.debugf("Closing the connection after a failure: %s", problem.getDetail());
      response.reset();
      return;
    }
    Problem withId = withRequestId(problem, context.get(ExchangeKeys.REQUEST_ID));
    response.setStatusCode(problem.getStatus());
    response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (problem.getStatus() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(write(withId));
  }

  /** Returns a copy of the problem with the {@code requestId} member set. */
  public static Problem withRequestId(Problem problem, String requestId) {
    if (requestId == null || problem.getExtensions().containsKey("requestId")) {
      return problem;
    }
    String slug = problem.getType().toString().replace(Problem.TYPE_BASE, "");
    Problem.Builder copy =
        Problem.of(problem.getStatus(), slug, problem.getTitle())
            .detail(problem.getDetail())
            .instance(problem.getInstance());
    for (Map.Entry<String, Object> member : problem.getExtensions().entrySet()) {
      copy.with(member.getKey(), member.getValue());
    }
    return copy.with("requestId", requestId).build();
  }

  private String write(Problem problem) {
    try {
      return json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem cannot be written as JSON", e);
    }
  }

  /** 503 for a service that is not configured or whose circuit is open. */
  public static Problem serviceUnavailable(String service, String detail) {
    return Problem.of(503, "service-unavailable", "Service unavailable")
        .detail(detail)
        .with("service", service)
        .build();
  }
}
