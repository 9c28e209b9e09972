package io.citypulse.ingest.reading;

import java.time.Instant;

/**
 * A reading as a gateway sent it, parsed but not yet validated against the registry.
 *
 * @param unit the unit as sent, or {@code null} when the gateway sent none
 * @param raw the JSON text of this item, kept for quarantine
 * @param itemIndex position of the item inside its record
 */
public record Candidate(
    String sensorId, Instant observedAt, double value, String unit, String raw, int itemIndex) {}
