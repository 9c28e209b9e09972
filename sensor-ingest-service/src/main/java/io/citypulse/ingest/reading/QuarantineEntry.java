package io.citypulse.ingest.reading;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A rejection ready to be stored in the quarantine table.
 *
 * @param sourceKey the record's source key plus {@code #} and the item index: unique per item
 */
public record QuarantineEntry(
    String sourceKey,
    String sensorId,
    ReasonCode code,
    String reason,
    String raw,
    int payloadBytes,
    boolean truncated,
    Instant receivedAt) {

  static QuarantineEntry of(Rejection rejection, RawInput input, int maxChars) {
    String raw = Payloads.sanitize(rejection.raw());
    boolean truncated = raw.length() > maxChars;
    int bytes = rejection.raw().getBytes(StandardCharsets.UTF_8).length;
    return new QuarantineEntry(
        input.sourceKey() + "#" + rejection.itemIndex(),
        rejection.sensorId(),
        rejection.code(),
        rejection.reason(),
        truncated ? raw.substring(0, maxChars) : raw,
        bytes,
        truncated,
        input.receivedAt());
  }
}
