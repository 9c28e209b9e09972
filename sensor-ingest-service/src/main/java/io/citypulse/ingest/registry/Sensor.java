package io.citypulse.ingest.registry;

import java.time.Duration;

/**
 * A sensor of the asset registry.
 *
 * @param minValue lowest plausible value in the canonical unit, or {@code null} for no bound
 * @param maxValue highest plausible value in the canonical unit, or {@code null} for no bound
 */
public record Sensor(
    String id,
    String buildingId,
    String name,
    String room,
    Metric metric,
    Duration expectedInterval,
    Double minValue,
    Double maxValue) {

  public String unit() {
    return metric.canonicalUnit();
  }

  /** Whether a value in the canonical unit lies inside the valid range. */
  public boolean inRange(double value) {
    return (minValue == null || value >= minValue) && (maxValue == null || value <= maxValue);
  }
}
