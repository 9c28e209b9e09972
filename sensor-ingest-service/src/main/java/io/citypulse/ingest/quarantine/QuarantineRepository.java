package io.citypulse.ingest.quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and updates quarantine entries. New entries are written by the ingest transaction. */
@ApplicationScoped
public class QuarantineRepository {

  private static final String COLUMNS =
      "id, source_key, sensor_id, reason_code, reason, raw_payload, payload_bytes,"
          + " payload_truncated, received_at, quarantined_at, status, replay_count,"
          + " last_replayed_at";

  private static final String WHERE =
      " WHERE ($1::text IS NULL OR reason_code = $1) AND ($2::text IS NULL OR sensor_id = $2)"
          + " AND ($3::timestamptz IS NULL OR received_at >= $3)"
          + " AND ($4::timestamptz IS NULL OR received_at < $4)"
          + " AND ($5::text IS NULL OR status = $5)";

  private final Pool pool;

  public QuarantineRepository(Pool pool) {
    this.pool = pool;
  }

  /** Returns one page of matching entries, oldest first. */
  public Uni<List<QuarantinedItem>> find(QuarantineFilter filter, int offset, int limit) {
    Tuple arguments = filterArguments(filter).addInteger(limit).addInteger(offset);
    return pool.preparedQuery(
            "SELECT " + COLUMNS + " FROM quarantine" + WHERE + " ORDER BY id LIMIT $6 OFFSET $7")
        .execute(arguments)
        .map(QuarantineRepository::toItems);
  }

  /** Returns the ids of matching entries after {@code afterId}, oldest first. */
  public Uni<List<Long>> findIds(QuarantineFilter filter, long afterId, int limit) {
    Tuple arguments = filterArguments(filter).addLong(afterId).addInteger(limit);
    return pool.preparedQuery(
            "SELECT id FROM quarantine" + WHERE + " AND id > $6 ORDER BY id LIMIT $7")
        .execute(arguments)
        .map(
            rows -> {
              List<Long> ids = new ArrayList<>(rows.rowCount());
              rows.forEach(row -> ids.add(row.getLong(0)));
              return ids;
            });
  }

  public Uni<Long> count(QuarantineFilter filter) {
    return pool.preparedQuery("SELECT count(*) FROM quarantine" + WHERE)
        .execute(filterArguments(filter))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Uni<Optional<QuarantinedItem>> findById(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM quarantine WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toItems(rows).stream().findFirst());
  }

  /** Marks an entry as stored by a replay. */
  public Uni<Void> markReplayed(long id) {
    return pool.preparedQuery(
            "UPDATE quarantine SET status = 'replayed', replay_count = replay_count + 1,"
                + " last_replayed_at = now() WHERE id = $1")
        .execute(Tuple.of(id))
        .replaceWithVoid();
  }

  /** Records a failed replay with the reason it failed this time. */
  public Uni<Void> markStillRejected(long id, String reasonCode, String reason) {
    return pool.preparedQuery(
            "UPDATE quarantine SET reason_code = $2, reason = $3, replay_count = replay_count + 1,"
                + " last_replayed_at = now() WHERE id = $1")
        .execute(Tuple.of(id, reasonCode, reason))
        .replaceWithVoid();
  }

  private static Tuple filterArguments(QuarantineFilter filter) {
    return Tuple.tuple()
        .addString(filter.reasonCode())
        .addString(filter.sensorId())
        .addOffsetDateTime(utc(filter.from()))
        .addOffsetDateTime(utc(filter.to()))
        .addString(filter.status());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static List<QuarantinedItem> toItems(RowSet<Row> rows) {
    List<QuarantinedItem> items = new ArrayList<>(rows.rowCount());
    for (Row row : rows) {
      OffsetDateTime lastReplayed = row.getOffsetDateTime("last_replayed_at");
      items.add(
          new QuarantinedItem(
              row.getLong("id"),
              row.getString("source_key"),
              row.getString("sensor_id"),
              row.getString("reason_code"),
              row.getString("reason"),
              row.getString("raw_payload"),
              row.getInteger("payload_bytes"),
              row.getBoolean("payload_truncated"),
              row.getOffsetDateTime("received_at").toInstant(),
              row.getOffsetDateTime("quarantined_at").toInstant(),
              row.getString("status"),
              row.getInteger("replay_count"),
              lastReplayed == null ? null : lastReplayed.toInstant()));
    }
    return items;
  }
}
