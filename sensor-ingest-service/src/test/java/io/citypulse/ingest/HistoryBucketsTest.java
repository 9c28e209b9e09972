package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hourly and daily buckets across the 2025 DST changes in Europe/Berlin: one reading per minute
 * from 2025-03-29 to 2025-04-01 and from 2025-10-25 to 2025-10-28 (local time).
 */
@QuarkusTest
class HistoryBucketsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String SENSOR = "dst-office-temp";
  private static boolean published;

  @BeforeEach
  void publishMinuteReadings() {
    if (published) {
      return;
    }
    Fixtures.building("dst-office", "Europe/Berlin", true);
    Fixtures.sensor(SENSOR, "dst-office", "temperature", -30.0, 60.0);
    long minutes = publishDays(ZonedDateTime.of(2025, 3, 29, 0, 0, 0, 0, BERLIN), 3);
    minutes += publishDays(ZonedDateTime.of(2025, 10, 25, 0, 0, 0, 0, BERLIN), 3);
    Fixtures.awaitStored(SENSOR, minutes);
    published = true;
  }

  private static long publishDays(ZonedDateTime start, int days) {
    Instant from = start.toInstant();
    Instant to = start.plusDays(days).toInstant();
    List<String> records = new ArrayList<>();
    StringBuilder batch = new StringBuilder("[");
    long count = 0;
    for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(1))) {
      if (batch.length() > 1) {
        batch.append(',');
      }
      batch.append(Fixtures.reading(SENSOR, at, 20 + (count % 10), "Cel"));
      count++;
      if (count % 60 == 0) {
        records.add(batch.append(']').toString());
        batch = new StringBuilder("[");
      }
    }
    Fixtures.publish(SENSOR, records.toArray(String[]::new));
    return count;
  }

  @Test
  void springForwardDayHas23Hours() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-29T00:00:00+01:00")
        .queryParam("to", "2025-04-01T00:00:00+02:00")
        .queryParam("resolution", "1d")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("timeZone", equalTo("Europe/Berlin"))
        .body("buckets", hasSize(3))
        .body("buckets[0].start", equalTo("2025-03-29T00:00:00+01:00"))
        .body("buckets[0].count", equalTo(1440))
        .body("buckets[1].start", equalTo("2025-03-30T00:00:00+01:00"))
        .body("buckets[1].end", equalTo("2025-03-31T00:00:00+02:00"))
        .body("buckets[1].count", equalTo(23 * 60))
        .body("buckets[2].start", equalTo("2025-03-31T00:00:00+02:00"))
        .body("buckets[2].count", equalTo(1440));
  }

  @Test
  void fallBackDayHas25Hours() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-10-25T00:00:00+02:00")
        .queryParam("to", "2025-10-28T00:00:00+01:00")
        .queryParam("resolution", "1d")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("buckets", hasSize(3))
        .body("buckets[1].start", equalTo("2025-10-26T00:00:00+02:00"))
        .body("buckets[1].end", equalTo("2025-10-27T00:00:00+01:00"))
        .body("buckets[1].count", equalTo(25 * 60));
  }

  @Test
  void hourlyBucketsOfSpringForwardDay() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-30T00:00:00+01:00")
        .queryParam("to", "2025-03-31T00:00:00+02:00")
        .queryParam("resolution", "1h")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("buckets", hasSize(23))
        .body("buckets[1].start", equalTo("2025-03-30T01:00:00+01:00"))
        .body("buckets[2].start", equalTo("2025-03-30T03:00:00+02:00"))
        .body("buckets[2].count", equalTo(60))
        .body("buckets[2].min", equalTo(20.0f))
        .body("buckets[2].max", equalTo(29.0f));
  }

  @Test
  void hourlyBucketsOfFallBackDayRepeatTwoOClock() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-10-26T00:00:00+02:00")
        .queryParam("to", "2025-10-27T00:00:00+01:00")
        .queryParam("resolution", "1h")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("buckets", hasSize(25))
        .body("buckets[2].start", equalTo("2025-10-26T02:00:00+02:00"))
        .body("buckets[3].start", equalTo("2025-10-26T02:00:00+01:00"))
        .body("buckets[3].count", equalTo(60));
  }

  @Test
  void fifteenMinuteBucketsHaveFifteenReadings() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-30T01:00:00+01:00")
        .queryParam("to", "2025-03-30T04:00:00+02:00")
        .queryParam("resolution", "15m")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("buckets", hasSize(8))
        .body("buckets[4].start", equalTo("2025-03-30T03:00:00+02:00"))
        .body("buckets[4].count", equalTo(15));
  }

  @Test
  void rawPointsInRange() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-30T01:58:00+01:00")
        .queryParam("to", "2025-03-30T03:02:00+02:00")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(200)
        .body("resolution", equalTo("raw"))
        .body("points", hasSize(4))
        .body("points[1].observedAt", equalTo("2025-03-30T00:59:00Z"))
        .body("points[2].observedAt", equalTo("2025-03-30T01:00:00Z"));
  }

  @Test
  void rejectsTooManyBuckets() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-01-01T00:00:00Z")
        .queryParam("to", "2025-12-31T00:00:00Z")
        .queryParam("resolution", "1m")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://citypulse.io/problems/too-many-points"))
        .body("limit", equalTo(2000));
  }

  @Test
  void rejectsTooManyRawPoints() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-29T00:00:00+01:00")
        .queryParam("to", "2025-04-01T00:00:00+02:00")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(400)
        .body("type", equalTo("https://citypulse.io/problems/too-many-points"));
  }

  @Test
  void rejectsUnknownResolution() {
    Fixtures.asAdmin()
        .queryParam("resolution", "2h")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("resolution"))
        .body("value", equalTo("2h"));
  }

  @Test
  void rejectsFromAfterTo() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-31T00:00:00Z")
        .queryParam("to", "2025-03-30T00:00:00Z")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
  }

  @Test
  void rejectsTimestampWithoutOffset() {
    Fixtures.asAdmin()
        .queryParam("from", "2025-03-30T00:00:00")
        .get("/api/sensors/" + SENSOR + "/readings")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"))
        .body("value", equalTo("2025-03-30T00:00:00"));
  }

  @Test
  void unknownSensorIsNotFound() {
    Fixtures.asAdmin()
        .get("/api/sensors/no-such-sensor/readings")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
