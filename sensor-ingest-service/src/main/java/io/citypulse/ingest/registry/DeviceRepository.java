package io.citypulse.ingest.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LoRaWAN devices and their field mappings in PostgreSQL. */
@ApplicationScoped
public class DeviceRepository {

  private static final String SELECT =
      "SELECT d.dev_eui, f.field, f.sensor_id, f.unit FROM devices d"
          + " LEFT JOIN device_fields f ON f.dev_eui = d.dev_eui";

  private final Pool pool;

  public DeviceRepository(Pool pool) {
    this.pool = pool;
  }

  /** Lists every device with its fields, ordered by device EUI. */
  public Uni<List<Device>> list() {
    return pool.query(SELECT + " ORDER BY d.dev_eui, f.field")
        .execute()
        .map(DeviceRepository::toDevices);
  }

  /** Finds one device by its normalized (lower-case) EUI. */
  public Uni<Optional<Device>> findById(String devEui) {
    return pool.preparedQuery(SELECT + " WHERE d.dev_eui = $1 ORDER BY f.field")
        .execute(Tuple.of(devEui))
        .map(rows -> toDevices(rows).stream().findFirst());
  }

  /**
   * Inserts the device or replaces all its field mappings, in one transaction.
   *
   * @return true when the device was created
   */
  public Uni<Boolean> replace(Device device) {
    return pool.withTransaction(connection -> replace(connection, device));
  }

  /** Deletes the device and its field mappings. Returns false when the device did not exist. */
  public Uni<Boolean> delete(String devEui) {
    return pool.preparedQuery("DELETE FROM devices WHERE dev_eui = $1")
        .execute(Tuple.of(devEui))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Uni<Boolean> replace(SqlConnection connection, Device device) {
    Uni<Boolean> upsert =
        connection
            .preparedQuery(
                "INSERT INTO devices (dev_eui) VALUES ($1) ON CONFLICT (dev_eui)"
                    + " DO UPDATE SET updated_at = now() RETURNING (xmax = 0) AS created")
            .execute(Tuple.of(device.devEui()))
            .map(rows -> rows.iterator().next().getBoolean("created"));
    return upsert
        .call(
            () ->
                connection
                    .preparedQuery("DELETE FROM device_fields WHERE dev_eui = $1")
                    .execute(Tuple.of(device.devEui())))
        .call(() -> insertFields(connection, device));
  }

  private static Uni<Void> insertFields(SqlConnection connection, Device device) {
    if (device.fields().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> rows = new ArrayList<>(device.fields().size());
    device
        .fields()
        .forEach(
            (field, mapping) ->
                rows.add(Tuple.of(device.devEui(), field, mapping.sensorId(), mapping.unit())));
    return connection
        .preparedQuery(
            "INSERT INTO device_fields (dev_eui, field, sensor_id, unit) VALUES ($1, $2, $3, $4)")
        .executeBatch(rows)
        .replaceWithVoid();
  }

  private static List<Device> toDevices(RowSet<Row> rows) {
    Map<String, Map<String, DeviceField>> byDevice = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, DeviceField> fields =
          byDevice.computeIfAbsent(row.getString("dev_eui"), devEui -> new LinkedHashMap<>());
      String field = row.getString("field");
      if (field != null) {
        fields.put(field, new DeviceField(row.getString("sensor_id"), row.getString("unit")));
      }
    }
    List<Device> devices = new ArrayList<>(byDevice.size());
    byDevice.forEach((devEui, fields) -> devices.add(new Device(devEui, fields)));
    return devices;
  }
}
