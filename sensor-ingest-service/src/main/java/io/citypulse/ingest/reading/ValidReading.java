package io.citypulse.ingest.reading;

import io.citypulse.ingest.registry.Sensor;
import java.time.Instant;

/** A reading that passed validation, in the canonical unit of its sensor's metric. */
public record ValidReading(Sensor sensor, Instant observedAt, double value, Instant receivedAt) {

  public String sensorId() {
    return sensor.id();
  }
}
