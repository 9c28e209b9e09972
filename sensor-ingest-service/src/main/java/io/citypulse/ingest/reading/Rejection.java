package io.citypulse.ingest.reading;

/**
 * A record, or one item of it, that failed parsing or validation.
 *
 * @param sensorId the sensor it names, or {@code null} when none could be read
 * @param raw the input as received (the whole record, or the one item)
 * @param itemIndex position of the item inside its record; 0 for a whole record
 */
public record Rejection(
    ReasonCode code, String reason, String sensorId, String raw, int itemIndex) {

  public static Rejection of(Candidate candidate, ReasonCode code, String reason) {
    return new Rejection(
        code, reason, candidate.sensorId(), candidate.raw(), candidate.itemIndex());
  }
}
