package io.citypulse.ingest.api;

/** Rules for building and sensor ids: lower-case slugs, safe in URLs, topics and file names. */
public final class Ids {

  public static final String BUILDING_PATTERN = "[a-z0-9][a-z0-9-]{1,63}";
  public static final String BUILDING_MESSAGE =
      "must be 2 to 64 lower-case letters, digits or '-', starting with a letter or digit";
  public static final String SENSOR_PATTERN = "[a-z0-9][a-z0-9-]{1,127}";
  public static final String SENSOR_MESSAGE =
      "must be 2 to 128 lower-case letters, digits or '-', starting with a letter or digit";

  private Ids() {}
}
