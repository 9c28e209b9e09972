package io.citypulse.identity.api;

/**
 * Rule for building ids, the same as in the asset registry of sensor-ingest-service. This service
 * cannot check that a building exists, because it does not read another service's tables.
 */
public final class BuildingIds {

  public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,63}";
  public static final String MESSAGE =
      "must be 2 to 64 lower-case letters, digits or '-', starting with a letter or digit";

  private BuildingIds() {}
}
