package io.citypulse.events;

import java.time.Instant;

/**
 * A raw record, or one item of it, that failed validation. Published on {@link
 * Topics#READINGS_QUARANTINE}, keyed by sensor id or {@code unknown}.
 *
 * @param raw the record as received, truncated to a bounded size for oversized records
 * @param source where it came from, e.g. {@code kafka:citypulse.readings.raw/3/1200#0}
 */
public record QuarantinedRecord(
    long quarantineId,
    String sensorId,
    String reasonCode,
    String reason,
    String raw,
    String source,
    Instant receivedAt) {

  /** CloudEvents type of this event. */
  public static final String EVENT_TYPE = "io.citypulse.reading.quarantined.v1";
}
