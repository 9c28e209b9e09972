package io.citypulse.events;

/** Kafka topic names of the suite. */
public final class Topics {

  public static final String READINGS_RAW = "citypulse.readings.raw";
  public static final String READINGS_VALIDATED = "citypulse.readings.validated";
  public static final String READINGS_QUARANTINE = "citypulse.readings.quarantine";
  public static final String IDENTITY_EVENTS = "citypulse.identity.events";
  public static final String AUDIT_EVENTS = "citypulse.audit.events";
  public static final String ALERTS_EVENTS = "citypulse.alerts.events";
  public static final String SECURITY_SIGNALS = "citypulse.security.signals";

  private Topics() {}
}
