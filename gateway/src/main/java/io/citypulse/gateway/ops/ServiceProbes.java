package io.citypulse.gateway.ops;

import io.citypulse.gateway.config.GatewayConfig;
import io.citypulse.gateway.edge.RequestIds;
import io.citypulse.gateway.proxy.Upstream;
import io.citypulse.gateway.proxy.Upstreams;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Readiness probes of the configured services ({@code /q/health/ready}): on demand for {@code
 * /api/health}, and every {@code probes.interval} for the history behind {@code /api/status} and
 * the availability in {@code /api/metrics}.
 */
@ApplicationScoped
public class ServiceProbes {

  private static final String READY_PATH = "/q/health/ready";

  private final Upstreams upstreams;
  private final GatewayConfig.Probes config;
  private final Map<String, ServiceStatus> statuses = new TreeMap<>();
  private final Instant startedAt = Instant.now();

  public ServiceProbes(Upstreams upstreams, GatewayConfig config) {
    this.upstreams = upstreams;
    this.config = config.probes();
    upstreams
        .configured()
        .forEach(u -> statuses.put(u.name(), new ServiceStatus(this.config.historySize())));
  }

  /** Probes every configured service now, in parallel. */
  public Uni<List<ProbeResult>> probeAll() {
    List<Uni<ProbeResult>> probes = new ArrayList<>();
    for (Upstream upstream : upstreams.configured()) {
      probes.add(probe(upstream));
    }
    if (probes.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Uni.join().all(probes).andCollectFailures();
  }

  @Scheduled(
      every = "${citypulse.gateway.probes.interval:PT15S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> probePeriodically() {
    return probeAll().invoke(results -> results.forEach(this::remember)).replaceWithVoid();
  }

  private void remember(ProbeResult result) {
    ServiceStatus status = statuses.get(result.service());
    ProbeResult before = status.latest();
    status.add(result);
    if (before == null || before.up() != result.up()) {
      if (result.up()) {
        Log.infof("Service %s is up", result.service());
      } else {
        Log.warnf("Service %s is down: %s", result.service(), result.detail());
      }
    }
  }

  /** Reads a body from a service path with the probe timeout; fails on a status other than 200. */
  public Uni<String> fetch(Upstream upstream, String path) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setSsl(upstream.ssl())
            .setURI(upstream.basePath() + path)
            .setConnectTimeout(config.timeout().toMillis())
            .setIdleTimeout(config.timeout().toMillis())
            .putHeader(RequestIds.REQUEST_ID_HEADER, "gateway-probe-" + UUID.randomUUID());
    Future<String> body =
        upstream
            .client()
            .request(options)
            .compose(request -> request.send())
            .compose(
                response ->
                    response
                        .body()
                        .compose(
                            buffer ->
                                response.statusCode() == 200
                                    ? Future.succeededFuture(buffer.toString())
                                    : Future.failedFuture(
                                        new IllegalStateException(
                                            "status " + response.statusCode()))));
    return Uni.createFrom().completionStage(body.toCompletionStage());
  }

  private Uni<ProbeResult> probe(Upstream upstream) {
    return fetch(upstream, READY_PATH)
        .map(body -> new ProbeResult(upstream.name(), true, null, Instant.now()))
        .onFailure()
        .recoverWithItem(
            failure -> new ProbeResult(upstream.name(), false, describe(failure), Instant.now()));
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  Map<String, ServiceStatus> statuses() {
    return statuses;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Duration uptime() {
    return Duration.between(startedAt, Instant.now());
  }
}
