package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.registry.Metric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plausibility checks that flag a reading but keep it: a value unchanged for longer than the stuck
 * window ({@code stuck}) and a change faster than the metric's maximum rate ({@code
 * rate_of_change}). Both can be real (a stable heated room, an opened window), so such readings are
 * stored with the flag instead of being quarantined; a value outside the sensor's valid range is
 * physically impossible and is quarantined by {@link ReadingValidator}.
 *
 * <p>Each reading is compared with the sensor's previous reading in time: the stored latest value
 * or the previous reading of the same batch. A late reading (older than the latest) is not checked.
 * Meters with cumulative counters are not checked either.
 */
@ApplicationScoped
public class QualityChecker {

  public static final String STUCK = "stuck";
  public static final String RATE_OF_CHANGE = "rate_of_change";

  private record Previous(Instant observedAt, double value, Instant valueSince) {}

  private final Pool pool;
  private final IngestConfig config;

  public QualityChecker(Pool pool, IngestConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** Returns the readings with their quality flags, in the order given. */
  public Uni<List<ValidReading>> check(List<ValidReading> readings) {
    if (readings.isEmpty() || !config.quality().enabled()) {
      return Uni.createFrom().item(readings);
    }
    Set<String> sensorIds = new HashSet<>();
    readings.forEach(reading -> sensorIds.add(reading.sensorId()));
    return loadPrevious(sensorIds).map(previous -> flag(readings, previous));
  }

  private Uni<Map<String, Previous>> loadPrevious(Set<String> sensorIds) {
    return pool.preparedQuery(
            "SELECT sensor_id, observed_at, value, coalesce(value_since, observed_at)"
                + " FROM latest_readings WHERE sensor_id = ANY($1)")
        .execute(Tuple.of(sensorIds.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Previous> previous = new HashMap<>();
              for (Row row : rows) {
                previous.put(
                    row.getString(0),
                    new Previous(
                        row.getOffsetDateTime(1).toInstant(),
                        row.getDouble(2),
                        row.getOffsetDateTime(3).toInstant()));
              }
              return previous;
            });
  }

  private List<ValidReading> flag(List<ValidReading> readings, Map<String, Previous> previous) {
    List<Integer> order = new ArrayList<>(readings.size());
    for (int i = 0; i < readings.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> readings.get(i).observedAt()));
    ValidReading[] result = readings.toArray(ValidReading[]::new);
    for (int index : order) {
      ValidReading reading = readings.get(index);
      Previous before = previous.get(reading.sensorId());
      if (reading.sensor().metric().cumulative()) {
        continue;
      }
      if (before != null && !reading.observedAt().isAfter(before.observedAt())) {
        continue;
      }
      List<String> flags = new ArrayList<>(2);
      Instant since = reading.observedAt();
      if (before != null) {
        if (reading.value() == before.value()) {
          since = before.valueSince();
          if (Duration.between(since, reading.observedAt()).compareTo(config.quality().stuckAfter())
              > 0) {
            flags.add(STUCK);
          }
        }
        if (tooFast(reading, before)) {
          flags.add(RATE_OF_CHANGE);
        }
      }
      result[index] = reading.withQuality(flags, since);
      previous.put(reading.sensorId(), new Previous(reading.observedAt(), reading.value(), since));
    }
    return List.of(result);
  }

  private boolean tooFast(ValidReading reading, Previous before) {
    Double maxPerMinute = maxRatePerMinute(reading.sensor().metric());
    if (maxPerMinute == null) {
      return false;
    }
    double minutes =
        Duration.between(before.observedAt(), reading.observedAt()).toMillis() / 60_000.0;
    // Below a few seconds apart, jitter of the timestamps dominates; compare as if 5 s apart.
    double span = Math.max(minutes, 5.0 / 60);
    return Math.abs(reading.value() - before.value()) / span > maxPerMinute;
  }

  private Double maxRatePerMinute(Metric metric) {
    return switch (metric) {
      case TEMPERATURE -> config.quality().maxTemperatureChangePerMinute();
      case HUMIDITY -> config.quality().maxHumidityChangePerMinute();
      case CO2 -> config.quality().maxCo2ChangePerMinute();
      default -> null;
    };
  }
}
