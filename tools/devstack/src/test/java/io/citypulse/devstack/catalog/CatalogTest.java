package io.citypulse.devstack.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.devstack.catalog.CatalogSpec.BuildingSpec;
import io.citypulse.devstack.catalog.CatalogSpec.FloorSpec;
import io.citypulse.devstack.catalog.CatalogSpec.NamedRoomSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private final Catalog catalog = Catalog.hechingen();

  @Test
  void hechingenHas745Sensors() {
    assertEquals(745, catalog.sensors().size());
  }

  @Test
  void hechingenHasTownHallAndPublicBuildings() {
    Map<String, Building> buildings =
        catalog.buildings().stream().collect(Collectors.toMap(Building::id, b -> b));

    assertEquals(13, buildings.size());
    assertEquals("Rathaus Hechingen", buildings.get("rathaus").name());
    assertEquals("Marktplatz 1, 72379 Hechingen", buildings.get("rathaus").address());
    assertFalse(buildings.get("bauhof").isPublic());
    assertFalse(buildings.get("feuerwehr").isPublic());
    Set<String> notPublic =
        buildings.values().stream()
            .filter(building -> !building.isPublic())
            .map(Building::id)
            .collect(Collectors.toSet());
    assertEquals(Set.of("bauhof", "feuerwehr"), notPublic);
  }

  @Test
  void buildingsAreInHechingenAndBerlinTime() {
    for (Building building : catalog.buildings()) {
      assertEquals("Europe/Berlin", building.timeZone(), building.id());
      assertTrue(building.address().endsWith(", 72379 Hechingen"), building.address());
      assertTrue(Catalog.BUILDING_ID.matcher(building.id()).matches(), building.id());
    }
  }

  @Test
  void sensorIdsAreUniqueSlugs() {
    Set<String> ids = catalog.sensors().stream().map(Sensor::id).collect(Collectors.toSet());

    assertEquals(catalog.sensors().size(), ids.size());
    for (String id : ids) {
      assertTrue(Catalog.SENSOR_ID.matcher(id).matches(), id);
    }
  }

  @Test
  void townHallRoomSensorMatchesApiExample() {
    Sensor sensor = catalog.sensorsById().get("rathaus-og1-raum12-temp");

    assertNotNull(sensor);
    assertEquals("rathaus", sensor.buildingId());
    assertEquals("Raum 12 Temperatur", sensor.name());
    assertEquals("OG1 Raum 12", sensor.room());
    assertEquals(Metric.TEMPERATURE, sensor.metric());
    assertEquals("Cel", sensor.unit());
    assertEquals(60, sensor.expectedIntervalSeconds());
    assertEquals(-30, sensor.minValue());
    assertEquals(60, sensor.maxValue());
  }

  @Test
  void everyRoomHasClimateSensors() {
    Map<String, Set<Metric>> metricsByRoom =
        catalog.sensors().stream()
            .filter(sensor -> !sensor.id().contains("-main-"))
            .collect(
                Collectors.groupingBy(
                    sensor -> sensor.buildingId() + "/" + sensor.room(),
                    Collectors.mapping(Sensor::metric, Collectors.toSet())));

    for (Map.Entry<String, Set<Metric>> room : metricsByRoom.entrySet()) {
      assertTrue(
          room.getValue().containsAll(Set.of(Metric.TEMPERATURE, Metric.HUMIDITY, Metric.CO2)),
          room.getKey() + " has " + room.getValue());
    }
  }

  @Test
  void everyBuildingHasElectricityAndWaterMeters() {
    for (Building building : catalog.buildings()) {
      Map<String, Sensor> sensors = catalog.sensorsById();
      assertNotNull(sensors.get(building.id() + "-main-energy"), building.id());
      assertNotNull(sensors.get(building.id() + "-main-power"), building.id());
      assertNotNull(sensors.get(building.id() + "-main-water"), building.id());
    }
  }

  @Test
  void metersReportEvery15Minutes() {
    List<Sensor> meters =
        catalog.sensors().stream()
            .filter(
                sensor -> Set.of(Metric.ENERGY, Metric.WATER, Metric.GAS).contains(sensor.metric()))
            .toList();

    assertFalse(meters.isEmpty());
    for (Sensor meter : meters) {
      assertEquals(900, meter.expectedIntervalSeconds(), meter.id());
    }
  }

  @Test
  void unitsAreCanonical() {
    Map<Metric, String> canonical =
        Map.of(
            Metric.TEMPERATURE, "Cel",
            Metric.HUMIDITY, "%RH",
            Metric.CO2, "ppm",
            Metric.ILLUMINANCE, "lx",
            Metric.ENERGY, "kWh",
            Metric.POWER, "W",
            Metric.WATER, "m3",
            Metric.GAS, "m3");

    for (Sensor sensor : catalog.sensors()) {
      assertEquals(canonical.get(sensor.metric()), sensor.unit(), sensor.id());
    }
  }

  @Test
  void namedRoomOnUnknownFloorIsRejected() {
    BuildingSpec building =
        new BuildingSpec(
            "schule",
            "Schule",
            "Schulweg 1, 72379 Hechingen",
            "Europe/Berlin",
            true,
            List.of(new FloorSpec("eg", "EG", 2, false)),
            List.of(new NamedRoomSpec("og1", "aula", "Aula", true)),
            List.of());

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Catalog.expand(new CatalogSpec("Test", List.of(building))));
    assertTrue(error.getMessage().contains("'og1'"), error.getMessage());
  }

  @Test
  void invalidBuildingIdIsRejected() {
    BuildingSpec building =
        new BuildingSpec(
            "Rathaus",
            "Rathaus",
            "Marktplatz 1",
            "Europe/Berlin",
            true,
            List.of(),
            List.of(),
            List.of());

    assertThrows(
        IllegalArgumentException.class,
        () -> Catalog.expand(new CatalogSpec("Test", List.of(building))));
  }

  @Test
  void duplicateSensorIdIsRejected() {
    BuildingSpec building =
        new BuildingSpec(
            "schule",
            "Schule",
            "Schulweg 1, 72379 Hechingen",
            "Europe/Berlin",
            true,
            List.of(new FloorSpec("eg", "EG", 0, false)),
            List.of(
                new NamedRoomSpec("eg", "aula", "Aula", false),
                new NamedRoomSpec("eg", "aula", "Aula 2", false)),
            List.of());

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Catalog.expand(new CatalogSpec("Test", List.of(building))));
    assertTrue(error.getMessage().contains("schule-eg-aula-temp"), error.getMessage());
  }
}
