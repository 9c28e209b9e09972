package io.citypulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Replays the whole UCI Occupancy Detection data set (three files, 20,560 rows of temperature,
 * humidity, light and CO2) through Kafka, one array record per row as a room gateway would send.
 * The expected counts are computed from the files here. The light sensor's valid range ends at 1500
 * lx, so the sunlight spikes above it are quarantined as out of range.
 */
@QuarkusTest
class UciReplayTest {

  private static final Path DATA = Path.of("..", "data", "uci-occupancy-detection");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final double MAX_LUX = 1500;

  private record Row(
      LocalDateTime time, double temperature, double humidity, double light, double co2) {}

  @Test
  void replayStoresValidReadingsOnce() throws IOException {
    Fixtures.building("uci-office", "Europe/Berlin", true);
    Fixtures.sensor("uci-office-temp", "uci-office", "temperature", -30.0, 60.0);
    Fixtures.sensor("uci-office-hum", "uci-office", "humidity", 0.0, 100.0);
    Fixtures.sensor("uci-office-lux", "uci-office", "illuminance", 0.0, MAX_LUX);
    Fixtures.sensor("uci-office-co2", "uci-office", "co2", 0.0, 10000.0);
    List<Row> rows = readAll();
    // The data is from February 2015; shift it so that its last row lies one hour ago.
    Instant last = rows.get(rows.size() - 1).time().atZone(BERLIN).toInstant();
    Duration shift = Duration.between(last, Instant.now().minus(Duration.ofHours(1)));
    shift = shift.truncatedTo(ChronoUnit.SECONDS);

    List<byte[]> records = new ArrayList<>(rows.size());
    Set<Instant> distinctTimes = new HashSet<>();
    long tooBright = 0;
    for (Row row : rows) {
      Instant at = row.time().atZone(BERLIN).toInstant().plus(shift);
      distinctTimes.add(at);
      if (row.light() > MAX_LUX) {
        tooBright++;
      }
      records.add(record(row, at).getBytes(StandardCharsets.UTF_8));
    }
    TestKafka.publish(Topics.READINGS_RAW, "uci-office", records);

    long expectedLux = distinctTimes.size() - tooBright;
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> Fixtures.storedReadings("uci-office-co2") >= distinctTimes.size());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Fixtures.storedReadings("uci-office-lux") >= expectedLux);

    assertEquals(20_560, rows.size());
    assertTrue(tooBright > 0, "the data set has sunlight spikes above " + MAX_LUX + " lx");
    assertEquals(distinctTimes.size(), Fixtures.storedReadings("uci-office-temp"));
    assertEquals(distinctTimes.size(), Fixtures.storedReadings("uci-office-hum"));
    assertEquals(distinctTimes.size(), Fixtures.storedReadings("uci-office-co2"));
    assertEquals(expectedLux, Fixtures.storedReadings("uci-office-lux"));
    assertEquals(
        tooBright,
        Fixtures.DB.queryLong(
            "SELECT count(*) FROM quarantine WHERE sensor_id = 'uci-office-lux'"
                + " AND reason_code = 'out_of_range'"));
    assertEquals(
        tooBright,
        Fixtures.DB.queryLong(
            "SELECT count(*) FROM quarantine WHERE sensor_id LIKE 'uci-office-%'"));
  }

  private static String record(Row row, Instant at) {
    return "["
        + Fixtures.reading("uci-office-temp", at, row.temperature(), "Cel")
        + ","
        + Fixtures.reading("uci-office-hum", at, row.humidity(), "%RH")
        + ","
        + Fixtures.reading("uci-office-lux", at, row.light(), "lx")
        + ","
        + Fixtures.reading("uci-office-co2", at, row.co2(), "ppm")
        + "]";
  }

  /**
   * Reads the three files. The header names 7 columns but each row has 8 fields, a quoted row
   * number first; timestamps are quoted in two of the files only.
   */
  private static List<Row> readAll() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String file : List.of("datatest.txt", "datatraining.txt", "datatest2.txt")) {
      List<String> lines = Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.replace("\"", "").split(",");
        rows.add(
            new Row(
                LocalDateTime.parse(fields[1], TIME),
                Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]),
                Double.parseDouble(fields[4]),
                Double.parseDouble(fields[5])));
      }
    }
    rows.sort(Comparator.comparing(Row::time));
    return rows;
  }
}
