package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the monthly partitions of {@code readings} (bounds at UTC month starts): ahead of time on
 * a schedule, and on demand for the months a batch needs, so late data always has a partition.
 */
@ApplicationScoped
public class PartitionManager {

  /** Serializes partition DDL across instances of the service. */
  private static final long ADVISORY_LOCK_KEY = 0x6369747970756c73L;

  private final Pool pool;
  private final IngestConfig config;
  private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

  public PartitionManager(Pool pool, IngestConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /** Creates the partitions of the current month and the configured months ahead. */
  @Scheduled(every = "1h", delay = 0, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> createAhead() {
    YearMonth current = YearMonth.now(ZoneOffset.UTC);
    Set<YearMonth> months = new TreeSet<>();
    for (int ahead = 0; ahead <= config.partitionsAheadMonths(); ahead++) {
      months.add(current.plusMonths(ahead));
    }
    return ensure(months);
  }

  /** Makes sure each month has a partition. */
  public Uni<Void> ensure(Collection<YearMonth> months) {
    Set<YearMonth> missing = new TreeSet<>();
    for (YearMonth month : months) {
      if (!known.contains(month)) {
        missing.add(month);
      }
    }
    if (missing.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(missing)
        .onItem()
        .transformToUniAndConcatenate(this::create)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** Returns the partition month of an observation time. */
  public static YearMonth monthOf(Instant observedAt) {
    return YearMonth.from(observedAt.atOffset(ZoneOffset.UTC));
  }

  /** Returns the name of the partition that contains the month. */
  public static String partitionName(YearMonth month) {
    return String.format("readings_y%04dm%02d", month.getYear(), month.getMonthValue());
  }

  private Uni<Void> create(YearMonth month) {
    String from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
    String to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
    String ddl =
        "CREATE TABLE IF NOT EXISTS "
            + partitionName(month)
            + " PARTITION OF readings FOR VALUES FROM ('"
            + from
            + "') TO ('"
            + to
            + "')";
    // Checking first keeps PostgreSQL from logging a notice for every existing partition.
    return pool.withTransaction(
            connection ->
                connection
                    .query("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")")
                    .execute()
                    .chain(
                        () ->
                            connection
                                .preparedQuery("SELECT to_regclass($1) IS NULL")
                                .execute(Tuple.of(partitionName(month))))
                    .chain(
                        missing ->
                            missing.iterator().next().getBoolean(0)
                                ? connection.query(ddl).execute().replaceWithVoid()
                                : Uni.createFrom().voidItem()))
        .invoke(
            () -> {
              if (known.add(month)) {
                Log.debugf("Readings partition %s is ready", partitionName(month));
              }
            })
        .replaceWithVoid();
  }

  /** Forgets which partitions exist, after retention dropped some. */
  public void forget(YearMonth month) {
    known.remove(month);
  }
}
