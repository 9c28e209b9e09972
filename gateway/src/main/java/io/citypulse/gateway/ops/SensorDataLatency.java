package io.citypulse.gateway.ops;

import io.citypulse.gateway.config.GatewayConfig;
import io.citypulse.gateway.proxy.Upstream;
import io.citypulse.gateway.proxy.Upstreams;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Sensor data latency, the delay from a reading's arrival in Kafka to its storage, read from the
 * Prometheus histogram of sensor-ingest-service. The histogram counts since the service started, so
 * a snapshot is kept every {@code probes.interval} for 24 hours, and a window is the difference
 * between the newest snapshot and the one at the window's start.
 */
@ApplicationScoped
public class SensorDataLatency {

  private static final Duration KEEP = Duration.ofHours(24).plusMinutes(5);

  private final Upstreams upstreams;
  private final ServiceProbes probes;
  private final GatewayConfig.Probes config;
  private final Deque<Snapshot> snapshots = new ArrayDeque<>();
  private boolean failing;

  public SensorDataLatency(Upstreams upstreams, ServiceProbes probes, GatewayConfig config) {
    this.upstreams = upstreams;
    this.probes = probes;
    this.config = config.probes();
  }

  private record Snapshot(Instant at, PrometheusHistogram histogram) {}

  /** Latency over one window. */
  public record Window(Double averageSeconds, Double p95Seconds, long readings) {}

  @Scheduled(
      every = "${citypulse.gateway.probes.interval:PT15S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scrape() {
    Upstream upstream = upstreams.get(config.latencyService()).orElse(null);
    if (upstream == null) {
      return Uni.createFrom().voidItem();
    }
    return probes
        .fetch(upstream, "/q/metrics")
        .invoke(body -> add(PrometheusHistogram.parse(body, config.latencyHistogram())))
        .invoke(() -> failing = false)
        .onFailure()
        .invoke(
            failure -> {
              if (!failing) {
                Log.warnf(
                    "Reading the metrics of %s failed; sensor data latency has gaps: %s",
                    upstream.name(), failure.getMessage());
              }
              failing = true;
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  synchronized void add(PrometheusHistogram histogram) {
    Instant now = Instant.now();
    snapshots.addLast(new Snapshot(now, histogram));
    while (!snapshots.isEmpty() && snapshots.peekFirst().at().isBefore(now.minus(KEEP))) {
      snapshots.removeFirst();
    }
  }

  /** Returns the latency over the window that ends with the newest snapshot. */
  public synchronized Window window(Duration window) {
    if (snapshots.isEmpty()) {
      return new Window(null, null, 0);
    }
    Snapshot newest = snapshots.peekLast();
    Instant from = newest.at().minus(window);
    Snapshot start = null;
    for (Iterator<Snapshot> it = snapshots.iterator(); it.hasNext(); ) {
      Snapshot snapshot = it.next();
      if (snapshot.at().isAfter(from)) {
        break;
      }
      start = snapshot;
    }
    if (start == null && snapshots.size() > 1) {
      // The gateway has run for less than the window: use what it has seen.
      start = snapshots.peekFirst();
    }
    PrometheusHistogram observed =
        newest.histogram().since(start == null ? null : start.histogram());
    return new Window(observed.average(), observed.quantile(0.95), (long) observed.count());
  }
}
