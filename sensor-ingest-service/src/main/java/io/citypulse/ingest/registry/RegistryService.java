package io.citypulse.ingest.registry;

import io.citypulse.ingest.api.BuildingRequest;
import io.citypulse.ingest.api.SensorRequest;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/** Creates, replaces and deletes buildings and sensors, checking what the database cannot. */
@ApplicationScoped
public class RegistryService {

  private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

  private final BuildingRepository buildings;
  private final SensorRepository sensors;
  private final SensorCatalog catalog;

  public RegistryService(
      BuildingRepository buildings, SensorRepository sensors, SensorCatalog catalog) {
    this.buildings = buildings;
    this.sensors = sensors;
    this.catalog = catalog;
  }

  public Uni<Building> building(String id) {
    return buildings
        .findById(id)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Building", id)));
  }

  public Uni<Sensor> sensor(String id) {
    return sensors
        .findById(id)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sensor", id)));
  }

  /** Creates a building; a taken id is a conflict. */
  public Uni<Building> createBuilding(BuildingRequest request) {
    if (request.id() == null) {
      throw ProblemException.invalidField("id", null, "a building id such as 'rathaus'");
    }
    Building building = toBuilding(request.id(), request);
    return buildings
        .insert(building)
        .map(
            created -> {
              if (!created) {
                throw ProblemException.conflict(
                    "building-exists",
                    "Building '" + building.id() + "' exists already; use PUT to replace it.");
              }
              Log.infof("Building %s created", building.id());
              return building;
            });
  }

  /** Creates or replaces a building; returns whether it was created. */
  public Uni<Boolean> putBuilding(String id, BuildingRequest request) {
    Building building = toBuilding(id, request);
    return buildings.upsert(building);
  }

  /** Deletes a building that has no sensors left. */
  public Uni<Void> deleteBuilding(String id) {
    return sensors
        .countByBuilding(id)
        .flatMap(
            count -> {
              if (count > 0) {
                throw ProblemException.conflict(
                    "building-has-sensors",
                    "Building '"
                        + id
                        + "' still has "
                        + count
                        + " sensors; delete or move them first.");
              }
              return buildings.delete(id);
            })
        .map(
            deleted -> {
              if (!deleted) {
                throw ProblemException.notFound("Building", id);
              }
              Log.infof("Building %s deleted", id);
              return null;
            });
  }

  public Uni<Sensor> createSensor(SensorRequest request) {
    if (request.id() == null) {
      throw ProblemException.invalidField(
          "id", null, "a sensor id such as 'rathaus-og1-raum12-temp'");
    }
    Sensor sensor = toSensor(request.id(), request);
    return requireBuilding(sensor.buildingId())
        .chain(() -> sensors.insert(sensor))
        .map(
            created -> {
              if (!created) {
                throw ProblemException.conflict(
                    "sensor-exists",
                    "Sensor '" + sensor.id() + "' exists already; use PUT to replace it.");
              }
              catalog.evict(sensor.id());
              return sensor;
            });
  }

  public Uni<Boolean> putSensor(String id, SensorRequest request) {
    Sensor sensor = toSensor(id, request);
    return requireBuilding(sensor.buildingId())
        .chain(() -> sensors.upsert(sensor))
        .invoke(() -> catalog.evict(id));
  }

  /** Deletes a sensor from the registry; its stored readings stay until retention. */
  public Uni<Void> deleteSensor(String id) {
    return sensors
        .delete(id)
        .map(
            deleted -> {
              if (!deleted) {
                throw ProblemException.notFound("Sensor", id);
              }
              catalog.evict(id);
              Log.infof("Sensor %s deleted", id);
              return null;
            });
  }

  private Uni<Building> requireBuilding(String buildingId) {
    return buildings
        .findById(buildingId)
        .map(
            found ->
                found.orElseThrow(
                    () ->
                        ProblemException.invalidField(
                            "buildingId", buildingId, "the id of an existing building")));
  }

  private static Building toBuilding(String id, BuildingRequest request) {
    ZoneId zone = request.timeZone() == null ? DEFAULT_ZONE : zone(request.timeZone());
    boolean isPublic = request.isPublic() != null && request.isPublic();
    return new Building(id, request.name(), request.address(), zone, isPublic);
  }

  private static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          "timeZone", timeZone, "an IANA time zone such as 'Europe/Berlin'");
    }
  }

  private static Sensor toSensor(String id, SensorRequest request) {
    Metric metric =
        Metric.fromId(request.metric())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "metric", request.metric(), "one of " + Metric.ids()));
    if (request.unit() != null && !request.unit().equals(metric.canonicalUnit())) {
      throw ProblemException.invalidField(
          "unit",
          request.unit(),
          "'" + metric.canonicalUnit() + "', the canonical unit of " + metric.id());
    }
    if (request.minValue() != null
        && request.maxValue() != null
        && request.minValue() >= request.maxValue()) {
      throw ProblemException.invalidField(
          "minValue", request.minValue(), "a value below maxValue " + request.maxValue());
    }
    return new Sensor(
        id,
        request.buildingId(),
        request.name(),
        request.room(),
        metric,
        Duration.ofSeconds(request.expectedIntervalSeconds()),
        request.minValue(),
        request.maxValue());
  }
}
