package io.citypulse.devstack.catalog;

/** A sensor as the ingest service's {@code PUT /api/sensors/{id}} takes it. */
public record Sensor(
    String id,
    String buildingId,
    String name,
    String room,
    Metric metric,
    int expectedIntervalSeconds,
    double minValue,
    double maxValue) {

  public String unit() {
    return metric.unit();
  }
}
