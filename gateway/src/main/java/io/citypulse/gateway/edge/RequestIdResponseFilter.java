package io.citypulse.gateway.edge;

import io.citypulse.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds the request id to every problem+json body that the gateway's own endpoints return. */
public class RequestIdResponseFilter {

  @ServerResponseFilter
  public void addRequestId(ContainerResponseContext response, RoutingContext context) {
    if (response.getEntity() instanceof Problem problem) {
      response.setEntity(
          Problems.withRequestId(problem, context.get(ExchangeKeys.REQUEST_ID)),
          null,
          response.getMediaType());
    }
  }
}
