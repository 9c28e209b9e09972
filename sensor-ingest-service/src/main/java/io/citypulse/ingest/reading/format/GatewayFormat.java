package io.citypulse.ingest.reading.format;

/** The raw record formats the ingest detects, with the id used in metric tags and docs. */
public enum GatewayFormat {
  CITYPULSE_JSON("citypulse-json"),
  SENML("senml"),
  THE_THINGS_STACK("ttn-v3"),
  CHIRPSTACK("chirpstack-v4");

  private final String id;

  GatewayFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
