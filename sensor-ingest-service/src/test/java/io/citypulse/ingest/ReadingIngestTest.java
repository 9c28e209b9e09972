package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadingIngestTest {

  @Test
  void storesReadingAndShowsItAsLatest() {
    Fixtures.building("ingest-a", "Europe/Berlin", true);
    Fixtures.sensor("ingest-a-temp", "ingest-a", "temperature", -30.0, 60.0);
    Instant observedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);

    Fixtures.publish("ingest-a-temp", Fixtures.reading("ingest-a-temp", observedAt, 21.4, "Cel"));

    Fixtures.awaitStored("ingest-a-temp", 1);
    Fixtures.asAdmin()
        .queryParam("buildingId", "ingest-a")
        .get("/api/readings/latest")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].sensorId", equalTo("ingest-a-temp"))
        .body("[0].value", equalTo(21.4f))
        .body("[0].unit", equalTo("Cel"))
        .body("[0].observedAt", equalTo(observedAt.toString()));
  }

  @Test
  void convertsUnitsToCanonical() {
    Fixtures.building("ingest-units", "Europe/Berlin", true);
    Fixtures.sensor("ingest-units-temp", "ingest-units", "temperature", null, null);
    Instant observedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    Fixtures.publish(
        "ingest-units-temp", Fixtures.reading("ingest-units-temp", observedAt, 71.6, "degF"));

    Fixtures.awaitStored("ingest-units-temp", 1);
    double stored =
        Double.parseDouble(
            Fixtures.DB.queryString(
                "SELECT value FROM readings WHERE sensor_id = ?", "ingest-units-temp"));
    assertEquals(22.0, stored, 1e-9);
  }

  @Test
  void absorbsRecordsPublishedTwice() {
    Fixtures.building("ingest-dup", "Europe/Berlin", true);
    Fixtures.sensor("ingest-dup-co2", "ingest-dup", "co2", 0.0, 10000.0);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
    String[] records = new String[20];
    for (int i = 0; i < records.length; i++) {
      records[i] = Fixtures.reading("ingest-dup-co2", start.plusSeconds(60L * i), 400 + i, "ppm");
    }

    Fixtures.publish("ingest-dup-co2", records);
    Fixtures.awaitStored("ingest-dup-co2", 20);
    Fixtures.publish("ingest-dup-co2", records);
    // A marker reading published after the replay proves the replay was consumed.
    Instant marker = start.plusSeconds(60L * 30);
    Fixtures.publish("ingest-dup-co2", Fixtures.reading("ingest-dup-co2", marker, 999, "ppm"));
    Fixtures.awaitStored("ingest-dup-co2", 21);

    assertEquals(21, Fixtures.storedReadings("ingest-dup-co2"));
  }

  @Test
  void lateReadingIsStoredButLatestStays() {
    Fixtures.building("ingest-late", "Europe/Berlin", true);
    Fixtures.sensor("ingest-late-hum", "ingest-late", "humidity", 0.0, 100.0);
    Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
    Instant older = newest.minus(Duration.ofHours(3));

    Fixtures.publish("ingest-late-hum", Fixtures.reading("ingest-late-hum", newest, 45, "%RH"));
    Fixtures.awaitStored("ingest-late-hum", 1);
    Fixtures.publish("ingest-late-hum", Fixtures.reading("ingest-late-hum", older, 55, "%RH"));
    Fixtures.awaitStored("ingest-late-hum", 2);

    Fixtures.asAdmin()
        .queryParam("buildingId", "ingest-late")
        .get("/api/readings/latest")
        .then()
        .statusCode(200)
        .body("[0].value", equalTo(45.0f))
        .body("[0].observedAt", equalTo(newest.toString()));
  }

  @Test
  void storesEveryItemOfAnArrayRecord() {
    Fixtures.building("ingest-array", "Europe/Berlin", true);
    Fixtures.sensor("ingest-array-temp", "ingest-array", "temperature", -30.0, 60.0);
    Fixtures.sensor("ingest-array-hum", "ingest-array", "humidity", 0.0, 100.0);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    String array =
        "["
            + Fixtures.reading("ingest-array-temp", at, 20.5, "Cel")
            + ","
            + Fixtures.reading("ingest-array-hum", at, 40, "%RH")
            + ","
            + Fixtures.reading("ingest-array-temp", at.plusSeconds(60), 20.7, "Cel")
            + "]";

    Fixtures.publish("gateway-1", array);

    Fixtures.awaitStored("ingest-array-temp", 2);
    Fixtures.awaitStored("ingest-array-hum", 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Fixtures.DB.queryLong(
                        "SELECT count(*) FROM latest_readings WHERE sensor_id LIKE 'ingest-array-%'")
                    == 2);
  }
}
