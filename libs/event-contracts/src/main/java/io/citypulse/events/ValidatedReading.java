package io.citypulse.events;

import java.time.Instant;
import java.util.List;

/**
 * One reading that passed validation, in the canonical unit of its metric. Published on {@link
 * Topics#READINGS_VALIDATED}, keyed by sensor id.
 *
 * @param qualityFlags empty for a plain reading; otherwise codes such as {@code late}
 */
public record ValidatedReading(
    String sensorId,
    String buildingId,
    String metric,
    double value,
    String unit,
    Instant observedAt,
    Instant receivedAt,
    List<String> qualityFlags) {

  /** CloudEvents type of this event. */
  public static final String EVENT_TYPE = "io.citypulse.reading.validated.v1";
}
