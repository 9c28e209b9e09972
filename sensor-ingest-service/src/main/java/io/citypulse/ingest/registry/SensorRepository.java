package io.citypulse.ingest.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Sensors in PostgreSQL. */
@ApplicationScoped
public class SensorRepository {

  private static final String COLUMNS =
      "id, building_id, name, room, metric, unit, expected_interval_seconds, min_value, max_value";

  private final Pool pool;

  public SensorRepository(Pool pool) {
    this.pool = pool;
  }

  /** Lists the sensors of one building, or of all buildings when {@code buildingId} is null. */
  public Uni<List<Sensor>> list(String buildingId) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM sensors WHERE ($1::text IS NULL OR building_id = $1) ORDER BY id")
        .execute(Tuple.of(buildingId))
        .map(SensorRepository::toSensors);
  }

  public Uni<Optional<Sensor>> findById(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM sensors WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toSensors(rows).stream().findFirst());
  }

  public Uni<List<Sensor>> findByIds(Collection<String> ids) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM sensors WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(String[]::new)))
        .map(SensorRepository::toSensors);
  }

  public Uni<Long> countByBuilding(String buildingId) {
    return pool.preparedQuery("SELECT count(*) FROM sensors WHERE building_id = $1")
        .execute(Tuple.of(buildingId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Inserts the sensor; returns false when the id is taken. */
  public Uni<Boolean> insert(Sensor sensor) {
    return pool.preparedQuery(
            "INSERT INTO sensors ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING")
        .execute(values(sensor))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Inserts or replaces the sensor; returns true when it was created. */
  public Uni<Boolean> upsert(Sensor sensor) {
    return pool.preparedQuery(
            "INSERT INTO sensors ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO UPDATE SET"
                + " building_id = EXCLUDED.building_id, name = EXCLUDED.name,"
                + " room = EXCLUDED.room, metric = EXCLUDED.metric, unit = EXCLUDED.unit,"
                + " expected_interval_seconds = EXCLUDED.expected_interval_seconds,"
                + " min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value,"
                + " updated_at = now() RETURNING (xmax = 0) AS created")
        .execute(values(sensor))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  public Uni<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM sensors WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Tuple values(Sensor sensor) {
    return Tuple.tuple()
        .addString(sensor.id())
        .addString(sensor.buildingId())
        .addString(sensor.name())
        .addString(sensor.room())
        .addString(sensor.metric().id())
        .addString(sensor.unit())
        .addInteger((int) sensor.expectedInterval().toSeconds())
        .addDouble(sensor.minValue())
        .addDouble(sensor.maxValue());
  }

  static List<Sensor> toSensors(RowSet<Row> rows) {
    List<Sensor> sensors = new ArrayList<>(rows.size());
    for (Row row : rows) {
      sensors.add(
          new Sensor(
              row.getString("id"),
              row.getString("building_id"),
              row.getString("name"),
              row.getString("room"),
              Metric.fromId(row.getString("metric")).orElseThrow(),
              Duration.ofSeconds(row.getInteger("expected_interval_seconds")),
              row.getDouble("min_value"),
              row.getDouble("max_value")));
    }
    return sensors;
  }
}
