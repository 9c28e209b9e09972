package io.citypulse.gateway.ops;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.citypulse.access.token.VerifiedCaller;
import io.citypulse.gateway.edge.ExchangeKeys;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations endpoints: aggregated health, public status, and KPIs for operations staff. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

  static final Duration SHORT_WINDOW = Duration.ofMinutes(5);
  static final Duration LONG_WINDOW = Duration.ofHours(24);

  private final ServiceProbes probes;
  private final RequestLog requestLog;
  private final SensorDataLatency latency;

  public OperationsResource(
      ServiceProbes probes, RequestLog requestLog, SensorDataLatency latency) {
    this.probes = probes;
    this.requestLog = requestLog;
    this.latency = latency;
  }

  /** Readiness of every configured service, probed now: 200 when all are up, else 503. */
  @GET
  @Path("/health")
  public Uni<Response> health() {
    return probes.probeAll().map(OperationsResource::healthResponse);
  }

  private static Response healthResponse(List<ProbeResult> results) {
    List<String> down = results.stream().filter(r -> !r.up()).map(ProbeResult::service).toList();
    Map<String, Object> services = new LinkedHashMap<>();
    for (ProbeResult result : results) {
      Map<String, Object> service = new LinkedHashMap<>();
      service.put("status", result.up() ? "up" : "down");
      if (result.detail() != null) {
        service.put("detail", result.detail());
      }
      services.put(result.service(), service);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", down.isEmpty() ? "up" : "down");
    body.put("down", down);
    body.put("services", services);
    body.put("checkedAt", Instant.now());
    return Response.status(down.isEmpty() ? 200 : 503).entity(body).build();
  }

  /** Public status page data: each service up or down, since when, and its latest changes. */
  @GET
  @Path("/status")
  public Map<String, Object> status() {
    Map<String, Object> services = new LinkedHashMap<>();
    probes
        .statuses()
        .forEach(
            (name, status) -> {
              ProbeResult latest = status.latest();
              List<ServiceStatus.Change> changes = status.changes();
              Map<String, Object> service = new LinkedHashMap<>();
              service.put("status", latest == null ? "unknown" : latest.up() ? "up" : "down");
              service.put("since", changes.isEmpty() ? null : changes.get(0).since());
              service.put("checkedAt", latest == null ? null : latest.checkedAt());
              service.put(
                  "history",
                  changes.stream()
                      .map(change -> Map.of("status", change.status(), "since", change.since()))
                      .toList());
              services.put(name, service);
            });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("gateway", Map.of("status", "up", "since", probes.startedAt()));
    body.put("services", services);
    return body;
  }

  /** KPIs over the last 5 minutes and 24 hours; admin and Techniker only. */
  @GET
  @Path("/metrics")
  public Map<String, Object> metrics(RoutingContext context) {
    requireOperations(context.get(ExchangeKeys.CALLER));
    Instant now = Instant.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("generatedAt", now);
    body.put("uptimeSeconds", probes.uptime().toSeconds());
    Map<String, Object> windows = new LinkedHashMap<>();
    windows.put("5m", window(SHORT_WINDOW, now));
    windows.put("24h", window(LONG_WINDOW, now));
    body.put("windows", windows);
    return body;
  }

  private Map<String, Object> window(Duration window, Instant now) {
    RequestLog.WindowStats stats = requestLog.window(window, now.toEpochMilli());
    // Throughput is per minute of the window that the gateway has actually been running.
    double minutes =
        Math.max(1.0 / 6, Math.min(window.toSeconds(), probes.uptime().toSeconds()) / 60.0);
    SensorDataLatency.Window sensorLatency = latency.window(window);
    Map<String, Object> availability = new LinkedHashMap<>();
    probes
        .statuses()
        .forEach((name, status) -> availability.put(name, status.availability(window, now)));

    Map<String, Object> kpis = new LinkedHashMap<>();
    kpis.put("requests", stats.requests());
    kpis.put("averageResponseTimeMs", round(stats.averageMillis()));
    kpis.put("p95ResponseTimeMs", round(stats.p95Millis()));
    kpis.put("errorRate", round(stats.errorRate() * 1000) / 1000);
    kpis.put("throughputPerMinute", round(stats.requests() / minutes));
    kpis.put("activeUsers", stats.activeUsers());
    kpis.put("availability", availability);
    Map<String, Object> sensor = new LinkedHashMap<>();
    sensor.put("averageSeconds", sensorLatency.averageSeconds());
    sensor.put("p95Seconds", sensorLatency.p95Seconds());
    sensor.put("readings", sensorLatency.readings());
    kpis.put("sensorDataLatency", sensor);
    return kpis;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void requireOperations(VerifiedCaller verified) {
    Caller caller = verified == null ? Caller.anonymous() : verified.caller();
    if (caller.isAnonymous()) {
      throw new ProblemException(
          Problem.of(401, "unauthorized", "Authentication required")
              .detail("The KPIs need a bearer access token of an admin or a Techniker.")
              .build());
    }
    if (!caller.isAdmin() && !caller.hasRole(Role.TECHNIKER)) {
      String role = caller.role().map(Role::displayName).orElse("a client without a role");
      throw new ProblemException(
          Problem.of(403, "forbidden", "Forbidden")
              .detail("The role " + role + " may not read the KPIs; admins and Techniker may.")
              .with("role", caller.role().map(Role::id).orElse(null))
              .build());
    }
  }
}
