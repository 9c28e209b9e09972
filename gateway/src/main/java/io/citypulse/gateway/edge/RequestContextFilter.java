package io.citypulse.gateway.edge;

import io.citypulse.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * First handler of every request, before CORS and authentication: takes or creates the request id
 * and the {@code traceparent}, puts the id into the log MDC, and adds the security headers to every
 * response, including CORS preflights and errors.
 */
@ApplicationScoped
public class RequestContextFilter {

  /** Runs before the CORS filter of Quarkus, so preflight responses get the headers too. */
  static final int PRIORITY = 10_000;

  private final GatewayConfig.SecurityHeaders headers;

  public RequestContextFilter(GatewayConfig config) {
    this.headers = config.securityHeaders();
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, PRIORITY);
  }

  void handle(RoutingContext context) {
    MultiMap requestHeaders = context.request().headers();
    String requestId = RequestIds.acceptOrCreate(requestHeaders.get(RequestIds.REQUEST_ID_HEADER));
    context.put(ExchangeKeys.REQUEST_ID, requestId);
    context.put(
        ExchangeKeys.TRACEPARENT,
        RequestIds.nextTraceparent(requestHeaders.get(RequestIds.TRACEPARENT_HEADER)));
    context.put(ExchangeKeys.STARTED_NANOS, System.nanoTime());
    MDC.put(RequestIds.MDC_KEY, requestId);
    context.addHeadersEndHandler(ignored -> addResponseHeaders(context, requestId));
    context.next();
  }

  private void addResponseHeaders(RoutingContext context, String requestId) {
    MultiMap response = context.response().headers();
    response.set(RequestIds.REQUEST_ID_HEADER, requestId);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", headers.referrerPolicy());
    String policy = context.get(ExchangeKeys.CONTENT_SECURITY_POLICY);
    response.set(
        "Content-Security-Policy", policy != null ? policy : headers.contentSecurityPolicy());
    headers
        .strictTransportSecurity()
        .filter(value -> !value.isBlank())
        .ifPresent(value -> response.set("Strict-Transport-Security", value));
  }
}
