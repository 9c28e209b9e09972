package io.citypulse.devstack.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.devstack.catalog.CatalogSpec.BuildingSpec;
import io.citypulse.devstack.catalog.CatalogSpec.FloorSpec;
import io.citypulse.devstack.catalog.CatalogSpec.NamedRoomSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The buildings and sensors of a demo town, expanded from a catalog file.
 *
 * <p>Expansion rules: every room gets a temperature, a humidity and a CO2 sensor, and a light
 * sensor where the floor or the named room has {@code illuminance}. Sensor ids are {@code
 * <building>-<floor>-raum<n>-<suffix>} for numbered rooms and {@code
 * <building>-<floor>-<room>-<suffix>} for named rooms. Each building gets one sensor per listed
 * meter, {@code <building>-main-<suffix>}, in its service connection room.
 */
public record Catalog(String town, List<Building> buildings, List<Sensor> sensors) {

  /** Classpath location of the Hechingen demo catalog. */
  public static final String HECHINGEN = "/catalog/hechingen.json";

  static final Pattern BUILDING_ID = Pattern.compile("[a-z0-9-]{2,64}");
  static final Pattern SENSOR_ID = Pattern.compile("[a-z0-9-]{2,128}");
  private static final String METER_ROOM = "Hausanschlussraum";

  public Catalog {
    buildings = List.copyOf(buildings);
    sensors = List.copyOf(sensors);
  }

  /** Loads and expands the Hechingen demo catalog. */
  public static Catalog hechingen() {
    return fromResource(HECHINGEN);
  }

  /** Loads and expands a catalog file from the classpath. */
  public static Catalog fromResource(String resource) {
    try (InputStream input = Catalog.class.getResourceAsStream(resource)) {
      if (input == null) {
        throw new IllegalArgumentException("Catalog resource not found: " + resource);
      }
      return expand(new ObjectMapper().readValue(input, CatalogSpec.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading catalog " + resource + " failed", e);
    }
  }

  /** Returns the sensors by id, in catalog order. */
  public Map<String, Sensor> sensorsById() {
    Map<String, Sensor> byId = new LinkedHashMap<>();
    sensors.forEach(sensor -> byId.put(sensor.id(), sensor));
    return byId;
  }

  static Catalog expand(CatalogSpec spec) {
    List<Building> buildings = new ArrayList<>();
    List<Sensor> sensors = new ArrayList<>();
    for (BuildingSpec building : spec.buildings()) {
      buildings.add(toBuilding(building));
      sensors.addAll(roomSensors(building));
      sensors.addAll(meterSensors(building));
    }
    requireUniqueIds(buildings.stream().map(Building::id).toList(), "building");
    requireUniqueIds(sensors.stream().map(Sensor::id).toList(), "sensor");
    sensors.forEach(sensor -> requireMatch(SENSOR_ID, sensor.id(), "sensor id"));
    return new Catalog(spec.town(), buildings, sensors);
  }

  private static Building toBuilding(BuildingSpec spec) {
    requireMatch(BUILDING_ID, spec.id(), "building id");
    requirePresent(spec.name(), "name", spec.id());
    requirePresent(spec.address(), "address", spec.id());
    requirePresent(spec.timeZone(), "timeZone", spec.id());
    return new Building(spec.id(), spec.name(), spec.address(), spec.timeZone(), spec.isPublic());
  }

  private static List<Sensor> roomSensors(BuildingSpec building) {
    Map<String, FloorSpec> floorsById = new HashMap<>();
    List<Sensor> sensors = new ArrayList<>();
    for (FloorSpec floor : listOrEmpty(building.floors())) {
      floorsById.put(floor.id(), floor);
      for (int number = 1; number <= floor.rooms(); number++) {
        String roomId = floor.id() + "-raum" + number;
        String roomName = "Raum " + number;
        sensors.addAll(
            climateSensors(building.id(), roomId, floor.label(), roomName, floor.illuminance()));
      }
    }
    for (NamedRoomSpec room : listOrEmpty(building.namedRooms())) {
      FloorSpec floor = floorsById.get(room.floor());
      if (floor == null) {
        throw new IllegalArgumentException(
            "Named room '"
                + room.id()
                + "' of building '"
                + building.id()
                + "' is on floor '"
                + room.floor()
                + "', which the building's floors do not list");
      }
      String roomId = floor.id() + "-" + room.id();
      sensors.addAll(
          climateSensors(building.id(), roomId, floor.label(), room.name(), room.illuminance()));
    }
    return sensors;
  }

  private static List<Sensor> climateSensors(
      String buildingId, String roomId, String floorLabel, String roomName, boolean illuminance) {
    List<Metric> metrics =
        new ArrayList<>(List.of(Metric.TEMPERATURE, Metric.HUMIDITY, Metric.CO2));
    if (illuminance) {
      metrics.add(Metric.ILLUMINANCE);
    }
    String room = floorLabel + " " + roomName;
    return metrics.stream()
        .map(
            metric ->
                sensor(
                    buildingId + "-" + roomId + "-" + metric.idSuffix(),
                    buildingId,
                    roomName + " " + metric.germanLabel(),
                    room,
                    metric))
        .toList();
  }

  private static List<Sensor> meterSensors(BuildingSpec building) {
    return listOrEmpty(building.meters()).stream()
        .map(Metric::fromApiName)
        .map(
            metric ->
                sensor(
                    building.id() + "-main-" + metric.idSuffix(),
                    building.id(),
                    metric.germanLabel() + " Hauptanschluss",
                    METER_ROOM,
                    metric))
        .toList();
  }

  private static Sensor sensor(
      String id, String buildingId, String name, String room, Metric metric) {
    return new Sensor(
        id,
        buildingId,
        name,
        room,
        metric,
        metric.expectedIntervalSeconds(),
        metric.minValue(),
        metric.maxValue());
  }

  private static void requireUniqueIds(List<String> ids, String kind) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("Duplicate " + kind + " id in catalog: " + id);
      }
    }
  }

  private static void requireMatch(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " '" + value + "': expected " + pattern.pattern());
    }
  }

  private static void requirePresent(String value, String field, String buildingId) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Building '" + buildingId + "' in the catalog has no " + field);
    }
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
