package io.citypulse.ingest.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Buildings in PostgreSQL. */
@ApplicationScoped
public class BuildingRepository {

  private static final String COLUMNS = "id, name, address, time_zone, public";

  private final Pool pool;

  public BuildingRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<Building>> listAll() {
    return pool.query("SELECT " + COLUMNS + " FROM buildings ORDER BY id")
        .execute()
        .map(BuildingRepository::toBuildings);
  }

  public Uni<Optional<Building>> findById(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM buildings WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toBuildings(rows).stream().findFirst());
  }

  /** Inserts the building; returns false when the id is taken. */
  public Uni<Boolean> insert(Building building) {
    return pool.preparedQuery(
            "INSERT INTO buildings ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5)"
                + " ON CONFLICT (id) DO NOTHING")
        .execute(values(building))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Inserts or replaces the building; returns true when it was created. */
  public Uni<Boolean> upsert(Building building) {
    return pool.preparedQuery(
            "INSERT INTO buildings ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET"
                + " name = EXCLUDED.name, address = EXCLUDED.address,"
                + " time_zone = EXCLUDED.time_zone, public = EXCLUDED.public, updated_at = now()"
                + " RETURNING (xmax = 0) AS created")
        .execute(values(building))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  /** Deletes the building; returns false when it did not exist. */
  public Uni<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM buildings WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Tuple values(Building building) {
    return Tuple.of(
        building.id(),
        building.name(),
        building.address(),
        building.timeZone().getId(),
        building.isPublic());
  }

  private static List<Building> toBuildings(RowSet<Row> rows) {
    List<Building> buildings = new ArrayList<>(rows.size());
    for (Row row : rows) {
      buildings.add(
          new Building(
              row.getString("id"),
              row.getString("name"),
              row.getString("address"),
              ZoneId.of(row.getString("time_zone")),
              row.getBoolean("public")));
    }
    return buildings;
  }
}
