package io.citypulse.gateway.edge;

import io.citypulse.access.token.VerifiedCaller;
import io.citypulse.gateway.audit.ApiRequest;
import io.citypulse.gateway.audit.AuditPublisher;
import io.citypulse.gateway.ops.RequestLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records each finished API request once: in the request log behind {@code /api/metrics}, in the
 * Prometheus timer {@code citypulse_gateway_requests_seconds}, and as an audit event.
 */
@ApplicationScoped
public class RequestRecorder {

  private static final int MAX_USER_AGENT_CHARS = 256;

  /** Methods that get a tag value of their own; any other is tagged {@code OTHER}. */
  private static final Set<String> STANDARD_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final RequestLog log;
  private final AuditPublisher audit;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public RequestRecorder(RequestLog log, AuditPublisher audit, MeterRegistry registry) {
    this.log = log;
    this.audit = audit;
    this.registry = registry;
  }

  /** Records the request when its response has been sent or its connection closed. */
  public void recordWhenDone(RoutingContext context) {
    context.addEndHandler(ignored -> record(context));
  }

  /**
   * Returns the timer of one route, method and status class. Building and registering a meter on
   * every request showed in the profile, so timers are kept in a map. The tag values come from the
   * route table, the standard HTTP methods and the status classes, which is a bounded set.
   */
  private Timer timer(String route, String method, String statusClass) {
    return timers.computeIfAbsent(
        route + ' ' + method + ' ' + statusClass,
        key ->
            Timer.builder("citypulse.gateway.requests")
                .description(
                    "API requests answered by the gateway, by route, method and status class")
                .tag("route", route)
                .tag("method", method)
                .tag("status", statusClass)
                .register(registry));
  }

  private void record(RoutingContext context) {
    Long started = context.get(ExchangeKeys.STARTED_NANOS);
    long nanos = started == null ? 0 : System.nanoTime() - started;
    VerifiedCaller caller = context.get(ExchangeKeys.CALLER);
    if (caller == null) {
      caller = VerifiedCaller.ANONYMOUS;
    }
    String route = context.get(ExchangeKeys.ROUTE_NAME);
    int status = context.response().getStatusCode();
    String userAgent = context.request().getHeader(HttpHeaders.USER_AGENT);
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT_CHARS) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT_CHARS);
    }
    ApiRequest request =
        new ApiRequest(
            ApiRequest.CATEGORY,
            caller.actorId(),
            caller.roleId(),
            route,
            context.request().method().name(),
            context.normalizedPath(),
            status,
            nanos / 1_000_000,
            EdgeFilter.clientIp(context.request()),
            userAgent,
            context.get(ExchangeKeys.REQUEST_ID),
            Instant.now());
    log.record(request, System.currentTimeMillis());
    String method = STANDARD_METHODS.contains(request.method()) ? request.method() : "OTHER";
    timer(route == null ? "unmatched" : route, method, (status / 100) + "xx")
        .record(nanos, TimeUnit.NANOSECONDS);
    audit.publish(request);
    Log.debugf(
        "%s %s -> %d in %d ms (%s)",
        request.method(), request.path(), status, request.durationMs(), request.user());
  }
}
