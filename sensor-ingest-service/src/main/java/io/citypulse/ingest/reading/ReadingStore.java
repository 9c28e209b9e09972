package io.citypulse.ingest.reading;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one batch in a single transaction: the readings (a duplicate of (sensor, observed_at) is
 * skipped), the latest value per sensor (only moved forward in time), and the quarantine entries (a
 * re-delivered record is skipped by its source key).
 */
@ApplicationScoped
public class ReadingStore {

  private static final String INSERT_READINGS =
      "INSERT INTO readings (sensor_id, observed_at, value, received_at, quality)"
          + " SELECT sensor_id, observed_at, value, received_at,"
          + " CASE WHEN quality = '' THEN NULL ELSE string_to_array(quality, ',') END"
          + " FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::timestamptz[],"
          + " $5::text[], $6::timestamptz[])"
          + " AS batch (sensor_id, observed_at, value, received_at, quality, value_since)"
          + " ON CONFLICT DO NOTHING RETURNING sensor_id, observed_at";

  private static final String UPSERT_LATEST =
      "INSERT INTO latest_readings (sensor_id, observed_at, value, received_at, value_since)"
          + " SELECT DISTINCT ON (sensor_id) sensor_id, observed_at, value, received_at,"
          + " value_since FROM unnest($1::text[], $2::timestamptz[], $3::float8[],"
          + " $4::timestamptz[], $5::text[], $6::timestamptz[])"
          + " AS batch (sensor_id, observed_at, value, received_at, quality, value_since)"
          + " ORDER BY sensor_id, observed_at DESC"
          + " ON CONFLICT (sensor_id) DO UPDATE SET observed_at = EXCLUDED.observed_at,"
          + " value = EXCLUDED.value, received_at = EXCLUDED.received_at,"
          + " value_since = EXCLUDED.value_since"
          + " WHERE latest_readings.observed_at < EXCLUDED.observed_at";

  private static final String INSERT_QUARANTINE =
      "INSERT INTO quarantine (source_key, sensor_id, reason_code, reason, raw_payload,"
          + " payload_bytes, payload_truncated, received_at)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],"
          + " $6::int4[], $7::bool[], $8::timestamptz[])"
          + " ON CONFLICT (source_key) DO NOTHING RETURNING id, source_key";

  private final Pool pool;

  public ReadingStore(Pool pool) {
    this.pool = pool;
  }

  /** Rows the transaction wrote: the new readings and the new quarantine entries with their ids. */
  public record StoreResult(List<ValidReading> inserted, Map<QuarantineEntry, Long> quarantined) {}

  public Uni<StoreResult> store(List<ValidReading> readings, List<QuarantineEntry> quarantine) {
    return pool.withTransaction(
        connection ->
            insertReadings(connection, readings)
                .call(() -> upsertLatest(connection, readings))
                .flatMap(
                    inserted ->
                        insertQuarantine(connection, quarantine)
                            .map(ids -> new StoreResult(inserted, ids))));
  }

  private Uni<List<ValidReading>> insertReadings(
      SqlConnection connection, List<ValidReading> readings) {
    if (readings.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Map<String, ValidReading> byKey = new HashMap<>();
    for (ValidReading reading : readings) {
      byKey.putIfAbsent(key(reading.sensorId(), reading.observedAt()), reading);
    }
    return connection
        .preparedQuery(INSERT_READINGS)
        .execute(columns(readings))
        .map(
            rows -> {
              List<ValidReading> inserted = new ArrayList<>(rows.rowCount());
              for (Row row : rows) {
                Instant observedAt = row.getOffsetDateTime("observed_at").toInstant();
                inserted.add(byKey.get(key(row.getString("sensor_id"), observedAt)));
              }
              return inserted;
            });
  }

  private Uni<Void> upsertLatest(SqlConnection connection, List<ValidReading> readings) {
    if (readings.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return connection.preparedQuery(UPSERT_LATEST).execute(columns(readings)).replaceWithVoid();
  }

  private Uni<Map<QuarantineEntry, Long>> insertQuarantine(
      SqlConnection connection, List<QuarantineEntry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    int size = entries.size();
    String[] sourceKeys = new String[size];
    String[] sensorIds = new String[size];
    String[] codes = new String[size];
    String[] reasons = new String[size];
    String[] raws = new String[size];
    Integer[] bytes = new Integer[size];
    Boolean[] truncated = new Boolean[size];
    OffsetDateTime[] receivedAt = new OffsetDateTime[size];
    Map<String, QuarantineEntry> bySourceKey = new HashMap<>();
    for (int i = 0; i < size; i++) {
      QuarantineEntry entry = entries.get(i);
      sourceKeys[i] = entry.sourceKey();
      sensorIds[i] = entry.sensorId();
      codes[i] = entry.code().code();
      reasons[i] = entry.reason();
      raws[i] = entry.raw();
      bytes[i] = entry.payloadBytes();
      truncated[i] = entry.truncated();
      receivedAt[i] = utc(entry.receivedAt());
      bySourceKey.put(entry.sourceKey(), entry);
    }
    Tuple arguments =
        Tuple.tuple()
            .addArrayOfString(sourceKeys)
            .addArrayOfString(sensorIds)
            .addArrayOfString(codes)
            .addArrayOfString(reasons)
            .addArrayOfString(raws)
            .addArrayOfInteger(bytes)
            .addArrayOfBoolean(truncated)
            .addArrayOfOffsetDateTime(receivedAt);
    return connection
        .preparedQuery(INSERT_QUARANTINE)
        .execute(arguments)
        .map(
            rows -> {
              Map<QuarantineEntry, Long> ids = new HashMap<>();
              for (Row row : rows) {
                ids.put(bySourceKey.get(row.getString("source_key")), row.getLong("id"));
              }
              return ids;
            });
  }

  private static Tuple columns(List<ValidReading> readings) {
    int size = readings.size();
    String[] sensorIds = new String[size];
    OffsetDateTime[] observedAt = new OffsetDateTime[size];
    Double[] values = new Double[size];
    OffsetDateTime[] receivedAt = new OffsetDateTime[size];
    String[] quality = new String[size];
    OffsetDateTime[] valueSince = new OffsetDateTime[size];
    for (int i = 0; i < size; i++) {
      ValidReading reading = readings.get(i);
      sensorIds[i] = reading.sensorId();
      observedAt[i] = utc(reading.observedAt());
      values[i] = reading.value();
      receivedAt[i] = utc(reading.receivedAt());
      quality[i] = String.join(",", reading.qualityFlags());
      valueSince[i] = utc(reading.valueSince());
    }
    return Tuple.tuple()
        .addArrayOfString(sensorIds)
        .addArrayOfOffsetDateTime(observedAt)
        .addArrayOfDouble(values)
        .addArrayOfOffsetDateTime(receivedAt)
        .addArrayOfString(quality)
        .addArrayOfOffsetDateTime(valueSince);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String key(String sensorId, Instant observedAt) {
    return sensorId + '\u0000' + observedAt;
  }
}
