package io.citypulse.ingest.reading;

import java.time.Instant;

/**
 * One raw record as it arrived.
 *
 * @param sourceKey identifies the record for idempotent quarantine, e.g. {@code
 *     kafka:citypulse.readings.raw/3/1200}
 * @param receivedAt when the platform received it (the Kafka record timestamp for Kafka input)
 */
public record RawInput(byte[] payload, String sourceKey, Instant receivedAt) {}
