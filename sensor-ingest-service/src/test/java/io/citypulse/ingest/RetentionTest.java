package io.citypulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.ingest.retention.ReadingArchiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Archiving of one month with readings five months back, a month that no other test writes to. The
 * whole-retention run is checked with a cutoff that selects months by their end.
 */
@QuarkusTest
class RetentionTest {

  @Inject ReadingArchiver archiver;

  @Test
  void archivesVerifiesAndDropsMonth() throws Exception {
    Fixtures.building("retention-b", "Europe/Berlin", true);
    Fixtures.sensor("retention-temp", "retention-b", "temperature", null, null);
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(5);
    Instant start = month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
    String[] records = new String[120];
    for (int i = 0; i < records.length; i++) {
      records[i] =
          Fixtures.reading("retention-temp", start.plusSeconds(600L * i), 18 + i % 5, "Cel");
    }
    Fixtures.publish("retention-temp", records);
    Fixtures.awaitStored("retention-temp", 120);
    String partition = String.format("readings_y%04dm%02d", month.getYear(), month.getMonthValue());
    long rowsInPartition = Fixtures.DB.queryLong("SELECT count(*) FROM " + partition);

    assertTrue(archiver.archiveMonth(month));

    Path file = Path.of("target", "test-archive", partition + ".csv.gz");
    Path manifest = Path.of("target", "test-archive", partition + ".json");
    assertTrue(Files.exists(file));
    assertTrue(Files.readString(manifest).contains("\"rows\":" + rowsInPartition));
    assertEquals(rowsInPartition, gzipLines(file));
    assertEquals(
        "false",
        Fixtures.DB.queryString("SELECT (to_regclass('" + partition + "') IS NOT NULL)::text"));
    assertEquals(0, Fixtures.storedReadings("retention-temp"));
    assertFalse(archiver.archiveMonth(month), "a second run finds nothing to archive");
    assertFalse(Files.exists(Path.of("target", "test-archive", partition + ".csv.gz.partial")));
  }

  @Test
  void selectsMonthsThatEndBeforeCutoff() {
    List<YearMonth> existing =
        List.of(YearMonth.of(2024, 11), YearMonth.of(2024, 12), YearMonth.of(2025, 1));
    Instant cutoff = Instant.parse("2025-01-01T00:00:00Z");

    List<YearMonth> expired = ReadingArchiver.expiredMonths(existing, cutoff);

    assertEquals(List.of(YearMonth.of(2024, 11), YearMonth.of(2024, 12)), expired);
  }

  @Test
  void scheduledRunKeepsRecentMonths() throws Exception {
    List<YearMonth> archived =
        archiver.archiveExpired(Instant.now().minus(java.time.Duration.ofDays(3650)));

    assertTrue(archived.isEmpty());
  }

  private static long gzipLines(Path file) throws Exception {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return reader.lines().count();
    }
  }
}
