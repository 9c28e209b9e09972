package io.citypulse.ingest.registry;

import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores LoRaWAN device mappings after checking that every mapped sensor exists and that the unit
 * converts to the canonical unit of its metric, then hands them to the {@link DeviceDirectory}.
 */
@ApplicationScoped
public class DeviceService {

  private final DeviceRepository devices;
  private final SensorRepository sensors;
  private final DeviceDirectory directory;

  public DeviceService(
      DeviceRepository devices, SensorRepository sensors, DeviceDirectory directory) {
    this.devices = devices;
    this.sensors = sensors;
    this.directory = directory;
  }

  public Uni<List<Device>> list() {
    return devices.list();
  }

  public Uni<Device> device(String devEui) {
    String normalized = requireDevEui(devEui);
    return devices
        .findById(normalized)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Device", devEui)));
  }

  /**
   * Creates the device or replaces all its field mappings.
   *
   * @return true when the device was created
   */
  public Uni<Boolean> put(String devEui, Map<String, DeviceField> fields) {
    Device device = new Device(requireDevEui(devEui), fields);
    Set<String> sensorIds = new HashSet<>();
    fields.values().forEach(field -> sensorIds.add(field.sensorId()));
    return sensors
        .findByIds(sensorIds)
        .invoke(found -> checkFields(device, found))
        .chain(() -> devices.replace(device))
        .invoke(
            created -> {
              directory.put(device);
              Log.infof(
                  "Device %s %s with %d mapped fields",
                  device.devEui(), created ? "created" : "replaced", fields.size());
            });
  }

  public Uni<Void> delete(String devEui) {
    String normalized = requireDevEui(devEui);
    return devices
        .delete(normalized)
        .map(
            deleted -> {
              if (!deleted) {
                throw ProblemException.notFound("Device", devEui);
              }
              directory.remove(normalized);
              Log.infof("Device %s deleted", normalized);
              return null;
            });
  }

  private static String requireDevEui(String devEui) {
    if (!Device.isDevEui(devEui)) {
      throw ProblemException.invalidField(
          "devEui", devEui, "16 hex digits without separators, such as '70B3D57ED0000001'");
    }
    return Device.normalizeDevEui(devEui);
  }

  private static void checkFields(Device device, List<Sensor> found) {
    for (Map.Entry<String, DeviceField> entry : device.fields().entrySet()) {
      String path = "fields." + entry.getKey();
      DeviceField field = entry.getValue();
      Optional<Sensor> sensor =
          found.stream().filter(candidate -> candidate.id().equals(field.sensorId())).findFirst();
      if (sensor.isEmpty()) {
        throw ProblemException.invalidField(
            path + ".sensorId",
            field.sensorId(),
            "the id of a sensor in the registry; add it first");
      }
      Metric metric = sensor.get().metric();
      if (field.unit() != null && !Units.converts(metric, field.unit())) {
        throw ProblemException.invalidField(
            path + ".unit",
            field.unit(),
            "a unit that converts to '"
                + metric.canonicalUnit()
                + "', the unit of "
                + metric.id()
                + " sensor '"
                + field.sensorId()
                + "', or no unit");
      }
    }
  }
}
