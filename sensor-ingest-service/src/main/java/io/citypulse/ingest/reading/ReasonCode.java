package io.citypulse.ingest.reading;

/** Reason a raw record, or one item of it, was quarantined. The codes are part of the API. */
public enum ReasonCode {
  MALFORMED_JSON("malformed_json"),
  RECORD_TOO_LARGE("record_too_large"),
  UNSUPPORTED_FORMAT("unsupported_format"),
  MISSING_FIELD("missing_field"),
  VALUE_NOT_NUMERIC("value_not_numeric"),
  VALUE_NOT_FINITE("value_not_finite"),
  INVALID_TIMESTAMP("invalid_timestamp"),
  TIMESTAMP_IN_SECONDS("timestamp_in_seconds"),
  TIMESTAMP_IN_FUTURE("timestamp_in_future"),
  TIMESTAMP_TOO_OLD("timestamp_too_old"),
  UNKNOWN_SENSOR("unknown_sensor"),
  UNIT_NOT_CONVERTIBLE("unit_not_convertible"),
  OUT_OF_RANGE("out_of_range"),
  UNKNOWN_DEVICE("unknown_device"),
  UNKNOWN_MANDATORY_FIELD("unknown_mandatory_field");

  private final String code;

  ReasonCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
