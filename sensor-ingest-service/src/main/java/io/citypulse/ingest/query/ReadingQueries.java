package io.citypulse.ingest.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Read queries on stored readings. Every query runs under a statement timeout. */
@ApplicationScoped
public class ReadingQueries {

  /** The newest reading of one sensor, with the registry data a client needs to show it. */
  public record LatestRow(
      String sensorId,
      String buildingId,
      String metric,
      String unit,
      double value,
      Instant observedAt,
      Instant receivedAt) {}

  /** One raw reading. */
  public record PointRow(Instant observedAt, double value, List<String> quality) {}

  /** One bucket: its start (UTC) and the aggregates of the readings inside it. */
  public record BucketRow(Instant start, double min, double max, double avg, long count) {}

  private static final String LATEST =
      "SELECT l.sensor_id, s.building_id, s.metric, s.unit, l.value, l.observed_at,"
          + " l.received_at FROM latest_readings l JOIN sensors s ON s.id = l.sensor_id"
          + " WHERE ($1::text IS NULL OR s.building_id = $1)"
          + " AND ($2::text[] IS NULL OR s.building_id = ANY($2)) ORDER BY l.sensor_id";

  private static final String RAW =
      "SELECT observed_at, value, quality FROM readings WHERE sensor_id = $1 AND observed_at >= $2"
          + " AND observed_at < $3 ORDER BY observed_at LIMIT $4";

  // Fixed-width buckets are aligned to midnight in the building's zone, so that 15-minute and
  // hourly buckets start at local quarter hours even in zones with a half-hour offset.
  private static final String FIXED_BUCKETS =
      "SELECT date_bin(make_interval(secs => $4), observed_at, ('2000-01-01 00:00'::timestamp AT TIME ZONE $5))"
          + " AS bucket, min(value), max(value), avg(value), count(*) FROM readings"
          + " WHERE sensor_id = $1 AND observed_at >= $2 AND observed_at < $3"
          + " GROUP BY bucket ORDER BY bucket";

  // Calendar days in the building's zone: a DST day spans 23 or 25 hours.
  private static final String DAY_BUCKETS =
      "SELECT date_trunc('day', observed_at, $4) AS bucket, min(value), max(value), avg(value),"
          + " count(*) FROM readings WHERE sensor_id = $1 AND observed_at >= $2"
          + " AND observed_at < $3 GROUP BY bucket ORDER BY bucket";

  private final Pool pool;

  public ReadingQueries(Pool pool) {
    this.pool = pool;
  }

  /**
   * Returns the newest reading per sensor of one building or of all buildings.
   *
   * @param onlyBuildings further limits the result to these buildings; null for no limit
   */
  public Uni<List<LatestRow>> latest(
      String buildingId, Set<String> onlyBuildings, Duration timeout) {
    return withTimeout(
        timeout,
        connection ->
            connection
                .preparedQuery(LATEST)
                .execute(
                    Tuple.of(
                        buildingId,
                        onlyBuildings == null ? null : onlyBuildings.toArray(String[]::new)))
                .map(ReadingQueries::toLatest));
  }

  /** Returns at most {@code limit} raw readings in [from, to). */
  public Uni<List<PointRow>> raw(
      String sensorId, Instant from, Instant to, int limit, Duration timeout) {
    Tuple arguments = Tuple.of(sensorId, utc(from), utc(to), limit);
    return withTimeout(
        timeout,
        connection ->
            connection
                .preparedQuery(RAW)
                .execute(arguments)
                .map(
                    rows -> {
                      List<PointRow> points = new ArrayList<>(rows.rowCount());
                      for (Row row : rows) {
                        String[] quality = row.getArrayOfStrings(2);
                        points.add(
                            new PointRow(
                                row.getOffsetDateTime(0).toInstant(),
                                row.getDouble(1),
                                quality == null ? List.of() : List.of(quality)));
                      }
                      return points;
                    }));
  }

  public Uni<List<BucketRow>> buckets(
      String sensorId,
      Instant from,
      Instant to,
      Resolution resolution,
      ZoneId zone,
      Duration timeout) {
    Tuple arguments =
        resolution == Resolution.DAY
            ? Tuple.of(sensorId, utc(from), utc(to), zone.getId())
            : Tuple.of(
                sensorId,
                utc(from),
                utc(to),
                (double) resolution.fixedWidth().orElseThrow().toSeconds(),
                zone.getId());
    String sql = resolution == Resolution.DAY ? DAY_BUCKETS : FIXED_BUCKETS;
    return withTimeout(
        timeout,
        connection ->
            connection.preparedQuery(sql).execute(arguments).map(ReadingQueries::toBuckets));
  }

  private <T> Uni<T> withTimeout(
      Duration timeout, java.util.function.Function<SqlConnection, Uni<T>> query) {
    return pool.withTransaction(
        connection ->
            connection
                .query("SET LOCAL statement_timeout = " + timeout.toMillis())
                .execute()
                .chain(() -> query.apply(connection)));
  }

  private static List<LatestRow> toLatest(RowSet<Row> rows) {
    List<LatestRow> latest = new ArrayList<>(rows.rowCount());
    for (Row row : rows) {
      latest.add(
          new LatestRow(
              row.getString(0),
              row.getString(1),
              row.getString(2),
              row.getString(3),
              row.getDouble(4),
              row.getOffsetDateTime(5).toInstant(),
              row.getOffsetDateTime(6).toInstant()));
    }
    return latest;
  }

  private static List<BucketRow> toBuckets(RowSet<Row> rows) {
    List<BucketRow> buckets = new ArrayList<>(rows.rowCount());
    for (Row row : rows) {
      buckets.add(
          new BucketRow(
              row.getOffsetDateTime(0).toInstant(),
              row.getDouble(1),
              row.getDouble(2),
              row.getDouble(3),
              row.getLong(4)));
    }
    return buckets;
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
