package io.citypulse.devstack.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The compact form of a catalog file such as {@code catalog/hechingen.json}: buildings with
 * numbered rooms per floor and named rooms. {@link Catalog} expands it into sensors.
 */
record CatalogSpec(String town, List<BuildingSpec> buildings) {

  record BuildingSpec(
      String id,
      String name,
      String address,
      String timeZone,
      @JsonProperty("public") boolean isPublic,
      List<FloorSpec> floors,
      List<NamedRoomSpec> namedRooms,
      List<String> meters) {}

  /**
   * A floor whose rooms are numbered 1 to {@code rooms}. With {@code illuminance} every room also
   * gets a light sensor.
   */
  record FloorSpec(String id, String label, int rooms, boolean illuminance) {}

  /** A room with a name instead of a number, such as a hall, on a floor declared in floors. */
  record NamedRoomSpec(String floor, String id, String name, boolean illuminance) {}
}
