package io.citypulse.ingest.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.citypulse.ingest.registry.Building;

/** A building as the API returns it. */
public record BuildingView(
    String id,
    String name,
    String address,
    String timeZone,
    @JsonProperty("public") boolean isPublic) {

  public static BuildingView of(Building building) {
    return new BuildingView(
        building.id(),
        building.name(),
        building.address(),
        building.timeZone().getId(),
        building.isPublic());
  }
}
