package io.citypulse.ingest.quarantine;

import java.time.Instant;

/**
 * A stored quarantine entry.
 *
 * @param source where the input came from: {@code kafka:topic/partition/offset#item} or {@code
 *     http:id#item}
 * @param status {@code open} until a replay stores it, then {@code replayed}
 */
public record QuarantinedItem(
    long id,
    String source,
    String sensorId,
    String reasonCode,
    String reason,
    String rawPayload,
    int payloadBytes,
    boolean payloadTruncated,
    Instant receivedAt,
    Instant quarantinedAt,
    String status,
    int replayCount,
    Instant lastReplayedAt) {}
