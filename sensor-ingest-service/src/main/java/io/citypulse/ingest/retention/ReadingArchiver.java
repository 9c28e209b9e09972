package io.citypulse.ingest.retention;

import io.agroal.api.AgroalDataSource;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.reading.PartitionManager;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * Archives monthly readings partitions older than the retention period: exports each to a gzip CSV
 * file, reads the file back to verify the row count, writes a manifest with the SHA-256, and only
 * then drops the partition. Safe to run twice (a missing partition is skipped, a verified file is
 * reused) and safe to interrupt (an unfinished export stays a {@code .partial} file that the next
 * run overwrites). One instance at a time holds a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class ReadingArchiver {

  private static final long ADVISORY_LOCK_KEY = 0x726574656e74696fL;
  private static final Pattern PARTITION_NAME = Pattern.compile("readings_y(\\d{4})m(\\d{2})");

  private final AgroalDataSource dataSource;
  private final PartitionManager partitions;
  private final IngestConfig config;

  public ReadingArchiver(
      AgroalDataSource dataSource, PartitionManager partitions, IngestConfig config) {
    this.dataSource = dataSource;
    this.partitions = partitions;
    this.config = config;
  }

  /** Archives every partition whose whole month lies before now minus the retention period. */
  @Scheduled(
      cron = "${citypulse.ingest.retention.cron:0 15 3 * * ?}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void archiveExpiredOnSchedule() {
    if (!config.retention().enabled()) {
      return;
    }
    try {
      archiveExpired(Instant.now().minus(config.retention().period()));
    } catch (SQLException | IOException e) {
      Log.errorf(e, "Archiving expired readings partitions failed; the next run will retry");
    }
  }

  /** Archives the partitions that end at or before the cutoff; returns the archived months. */
  public List<YearMonth> archiveExpired(Instant cutoff) throws SQLException, IOException {
    List<YearMonth> expired = expiredMonths(existingMonths(), cutoff);
    List<YearMonth> archived = new ArrayList<>();
    for (YearMonth month : expired) {
      if (archiveMonth(month)) {
        archived.add(month);
      }
    }
    return archived;
  }

  /** Selects the months whose partition ends at or before the cutoff. */
  public static List<YearMonth> expiredMonths(List<YearMonth> existing, Instant cutoff) {
    List<YearMonth> expired = new ArrayList<>();
    for (YearMonth month : existing) {
      Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      if (!end.isAfter(cutoff)) {
        expired.add(month);
      }
    }
    return expired;
  }

  /** Months that have a readings partition, oldest first. */
  public List<YearMonth> existingMonths() throws SQLException {
    List<YearMonth> months = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings'"
                    + " ORDER BY c.relname")) {
      while (rows.next()) {
        Matcher matcher = PARTITION_NAME.matcher(rows.getString(1));
        if (matcher.matches()) {
          months.add(
              YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        }
      }
    }
    return months;
  }

  /**
   * Exports, verifies and drops one month's partition.
   *
   * @return false when another instance holds the lock or the partition does not exist
   */
  public boolean archiveMonth(YearMonth month) throws SQLException, IOException {
    String partition = PartitionManager.partitionName(month);
    try (Connection connection = dataSource.getConnection()) {
      if (!tryLock(connection)) {
        Log.infof("Archiving %s skipped: another instance is archiving", partition);
        return false;
      }
      try {
        if (!exists(connection, partition)) {
          return false;
        }
        long rows = count(connection, partition);
        Path file = export(connection, partition, rows);
        drop(connection, partition);
        partitions.forget(month);
        Log.infof(
            "Archived readings partition %s: %d rows to %s, partition dropped",
            partition, rows, file);
        return true;
      } finally {
        unlock(connection);
      }
    }
  }

  private Path export(Connection connection, String partition, long rows)
      throws SQLException, IOException {
    Path directory = Path.of(config.retention().archiveDirectory());
    Files.createDirectories(directory);
    Path file = directory.resolve(partition + ".csv.gz");
    Path manifest = directory.resolve(partition + ".json");
    if (Files.exists(file) && Files.exists(manifest) && countLines(file) == rows) {
      return file;
    }
    Path partial = directory.resolve(partition + ".csv.gz.partial");
    long copied;
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
      copied =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut(
                  "COPY (SELECT sensor_id, observed_at, value, received_at FROM "
                      + partition
                      + " ORDER BY sensor_id, observed_at) TO STDOUT WITH (FORMAT csv)",
                  out);
    }
    long written = countLines(partial);
    if (copied != rows || written != rows) {
      throw new IOException(
          "Archive of "
              + partition
              + " does not match: "
              + rows
              + " rows in the partition, "
              + copied
              + " copied, "
              + written
              + " in the file; the partition is kept");
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(
        manifest,
        "{\"partition\":\""
            + partition
            + "\",\"rows\":"
            + rows
            + ",\"sha256\":\""
            + sha256(file)
            + "\",\"archivedAt\":\""
            + Instant.now()
            + "\",\"columns\":[\"sensor_id\",\"observed_at\",\"value\",\"received_at\"]}\n");
    return file;
  }

  private static long countLines(Path gzipFile) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzipFile)), StandardCharsets.UTF_8))) {
      return reader.lines().count();
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean exists(Connection connection, String partition) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT to_regclass('" + partition + "') IS NOT NULL")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static long count(Connection connection, String partition) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + partition)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void drop(Connection connection, String partition) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE readings DETACH PARTITION " + partition);
      statement.execute("DROP TABLE " + partition);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT pg_try_advisory_lock(" + ADVISORY_LOCK_KEY + ")")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static void unlock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
    }
  }
}
