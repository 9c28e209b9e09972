package io.citypulse.ingest.reading;

import io.citypulse.ingest.registry.Sensor;
import java.time.Instant;
import java.util.List;

/**
 * A reading that passed validation, in the canonical unit of its sensor's metric.
 *
 * @param qualityFlags plausibility findings that do not reject the reading, e.g. {@code stuck}
 * @param valueSince when the sensor first reported this same value without a change in between; set
 *     by the quality checks, otherwise equal to {@code observedAt}
 */
public record ValidReading(
    Sensor sensor,
    Instant observedAt,
    double value,
    Instant receivedAt,
    List<String> qualityFlags,
    Instant valueSince) {

  public ValidReading(Sensor sensor, Instant observedAt, double value, Instant receivedAt) {
    this(sensor, observedAt, value, receivedAt, List.of(), observedAt);
  }

  public String sensorId() {
    return sensor.id();
  }

  /** Returns a copy with the results of the quality checks. */
  public ValidReading withQuality(List<String> flags, Instant since) {
    return new ValidReading(sensor, observedAt, value, receivedAt, List.copyOf(flags), since);
  }
}
