package io.citypulse.ingest.api;

import io.citypulse.ingest.registry.Sensor;

/** A sensor as the API returns it. */
public record SensorView(
    String id,
    String buildingId,
    String name,
    String room,
    String metric,
    String unit,
    long expectedIntervalSeconds,
    Double minValue,
    Double maxValue) {

  public static SensorView of(Sensor sensor) {
    return new SensorView(
        sensor.id(),
        sensor.buildingId(),
        sensor.name(),
        sensor.room(),
        sensor.metric().id(),
        sensor.unit(),
        sensor.expectedInterval().toSeconds(),
        sensor.minValue(),
        sensor.maxValue());
  }
}
