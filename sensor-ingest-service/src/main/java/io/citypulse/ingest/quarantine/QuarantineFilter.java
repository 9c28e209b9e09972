package io.citypulse.ingest.quarantine;

import java.time.Instant;

/**
 * Filter on quarantine entries; a null member matches everything.
 *
 * @param from inclusive lower bound of {@code receivedAt}
 * @param to exclusive upper bound of {@code receivedAt}
 * @param status {@code open}, {@code replayed}, or null for both
 */
public record QuarantineFilter(
    String reasonCode, String sensorId, Instant from, Instant to, String status) {}
