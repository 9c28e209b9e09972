package io.citypulse.ingest.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.citypulse.ingest.config.IngestConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Judges each sensor online, late or offline by the age of its newest reading measured in its own
 * expected reporting interval: late after {@code lateAfterIntervals}, offline after {@code
 * offlineAfterIntervals}. A sensor that never reported is offline.
 */
@ApplicationScoped
public class SensorHealthService {

  /** Connectivity state of one sensor. */
  public enum Status {
    @JsonProperty("online")
    ONLINE,
    @JsonProperty("late")
    LATE,
    @JsonProperty("offline")
    OFFLINE
  }

  /** Health of one sensor; {@code lastSeen} is null for a sensor that never reported. */
  public record SensorHealth(
      String sensorId,
      String buildingId,
      Status status,
      Instant lastSeen,
      long expectedIntervalSeconds,
      Long silentSeconds) {}

  /** Counts over all judged sensors. */
  public record Totals(
      int sensors,
      int online,
      int late,
      int offline,
      double offlineShare,
      int silentOver10Minutes) {}

  /** A judgement of all sensors at one instant. */
  public record Report(Instant generatedAt, Totals totals, List<SensorHealth> sensors) {}

  private static final Duration DATA_LOSS_SILENCE = Duration.ofMinutes(10);

  private static final String QUERY =
      "SELECT s.id, s.building_id, s.expected_interval_seconds, l.observed_at FROM sensors s"
          + " LEFT JOIN latest_readings l ON l.sensor_id = s.id"
          + " WHERE ($1::text IS NULL OR s.building_id = $1)"
          + " AND ($2::text[] IS NULL OR s.building_id = ANY($2)) ORDER BY s.id";

  private final Pool pool;
  private final IngestConfig config;
  private final AtomicReference<Totals> lastTotals =
      new AtomicReference<>(new Totals(0, 0, 0, 0, 0, 0));

  public SensorHealthService(Pool pool, IngestConfig config, MeterRegistry registry) {
    this.pool = pool;
    this.config = config;
    Gauge.builder("citypulse.sensors", lastTotals, totals -> totals.get().online())
        .tag("status", "online")
        .description("Sensors by connectivity state")
        .register(registry);
    Gauge.builder("citypulse.sensors", lastTotals, totals -> totals.get().late())
        .tag("status", "late")
        .register(registry);
    Gauge.builder("citypulse.sensors", lastTotals, totals -> totals.get().offline())
        .tag("status", "offline")
        .register(registry);
    Gauge.builder(
            "citypulse.sensors.offline.ratio", lastTotals, totals -> totals.get().offlineShare())
        .description("Share of sensors that are offline, 0 to 1")
        .register(registry);
    Gauge.builder(
            "citypulse.sensors.silent.over.10m",
            lastTotals,
            totals -> totals.get().silentOver10Minutes())
        .description("Sensors without a reading for more than 10 minutes (data loss)")
        .register(registry);
  }

  /**
   * Judges the sensors of one building, or all sensors when {@code buildingId} is null.
   *
   * @param onlyBuildings further limits the report to these buildings; null for no limit
   */
  public Uni<Report> report(String buildingId, Set<String> onlyBuildings) {
    String[] only = onlyBuildings == null ? null : onlyBuildings.toArray(String[]::new);
    return pool.preparedQuery(QUERY)
        .execute(Tuple.of(buildingId, only))
        .map(
            rows -> {
              Instant now = Instant.now();
              List<SensorHealth> sensors = new ArrayList<>(rows.rowCount());
              for (Row row : rows) {
                sensors.add(judge(row, now));
              }
              return new Report(now, totals(sensors, now), sensors);
            });
  }

  /** Refreshes the gauges for all sensors. */
  @Scheduled(
      every = "${citypulse.ingest.health-refresh:30s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refreshGauges() {
    return report(null, null).invoke(report -> lastTotals.set(report.totals())).replaceWithVoid();
  }

  private SensorHealth judge(Row row, Instant now) {
    long interval = row.getInteger("expected_interval_seconds");
    OffsetDateTime observedAt = row.getOffsetDateTime("observed_at");
    if (observedAt == null) {
      return new SensorHealth(
          row.getString("id"), row.getString("building_id"), Status.OFFLINE, null, interval, null);
    }
    long silent = Math.max(0, Duration.between(observedAt.toInstant(), now).toSeconds());
    Status status = Status.ONLINE;
    if (silent > interval * config.offlineAfterIntervals()) {
      status = Status.OFFLINE;
    } else if (silent > interval * config.lateAfterIntervals()) {
      status = Status.LATE;
    }
    return new SensorHealth(
        row.getString("id"),
        row.getString("building_id"),
        status,
        observedAt.toInstant(),
        interval,
        silent);
  }

  private static Totals totals(List<SensorHealth> sensors, Instant now) {
    int online = 0;
    int late = 0;
    int offline = 0;
    int silent = 0;
    for (SensorHealth sensor : sensors) {
      switch (sensor.status()) {
        case ONLINE -> online++;
        case LATE -> late++;
        case OFFLINE -> offline++;
      }
      if (sensor.silentSeconds() == null
          || sensor.silentSeconds() > DATA_LOSS_SILENCE.toSeconds()) {
        silent++;
      }
    }
    double share = sensors.isEmpty() ? 0 : (double) offline / sensors.size();
    return new Totals(sensors.size(), online, late, offline, share, silent);
  }
}
