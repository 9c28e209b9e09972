package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Stuck values and implausible jumps are stored with a quality flag (stuck window 10 min here). */
@QuarkusTest
class QualityChecksTest {

  @Test
  void flagsStuckValueAfterWindow() {
    Fixtures.building("quality-b", "Europe/Berlin", true);
    Fixtures.sensor("quality-stuck", "quality-b", "humidity", 0.0, 100.0);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    String[] records = new String[15];
    for (int i = 0; i < records.length; i++) {
      records[i] =
          Fixtures.reading("quality-stuck", start.plus(Duration.ofMinutes(i)), 47.5, "%RH");
    }

    Fixtures.publish("quality-stuck", records);
    Fixtures.awaitStored("quality-stuck", 15);

    // Minutes 11 to 14 are more than 10 minutes after the value first appeared.
    assertEquals(
        4,
        Fixtures.DB.queryLong(
            "SELECT count(*) FROM readings WHERE sensor_id = 'quality-stuck'"
                + " AND 'stuck' = ANY(quality)"));
    assertEquals(
        start.plus(Duration.ofMinutes(11)).toString(),
        Fixtures.DB.queryString(
            "SELECT to_char(min(observed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM readings WHERE sensor_id = 'quality-stuck' AND 'stuck' = ANY(quality)"));
  }

  @Test
  void changedValueResetsStuckWindow() {
    Fixtures.building("quality-b", "Europe/Berlin", true);
    Fixtures.sensor("quality-reset", "quality-b", "humidity", 0.0, 100.0);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(40));
    String[] records = new String[20];
    for (int i = 0; i < records.length; i++) {
      double value = i == 8 ? 48.0 : 47.5;
      records[i] =
          Fixtures.reading("quality-reset", start.plus(Duration.ofMinutes(i)), value, "%RH");
    }

    Fixtures.publish("quality-reset", records);
    Fixtures.awaitStored("quality-reset", 20);

    // The value is 47.5 again from minute 9 on; it is stuck from minute 20 on, never reached.
    assertEquals(
        0,
        Fixtures.DB.queryLong(
            "SELECT count(*) FROM readings WHERE sensor_id = 'quality-reset'"
                + " AND 'stuck' = ANY(quality)"));
  }

  @Test
  void flagsImplausibleJumpAndPublishesFlag() {
    Fixtures.building("quality-b", "Europe/Berlin", true);
    Fixtures.sensor("quality-jump", "quality-b", "temperature", -30.0, 60.0);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));

    Fixtures.publish(
        "quality-jump",
        Fixtures.reading("quality-jump", start, 21.0, "Cel"),
        Fixtures.reading("quality-jump", start.plus(Duration.ofMinutes(1)), 21.5, "Cel"),
        Fixtures.reading("quality-jump", start.plus(Duration.ofMinutes(2)), 35.0, "Cel"));
    Fixtures.awaitStored("quality-jump", 3);

    Fixtures.asAdmin()
        .queryParam("from", start.toString())
        .queryParam("to", start.plus(Duration.ofMinutes(5)).toString())
        .get("/api/sensors/quality-jump/readings")
        .then()
        .statusCode(200)
        .body("points", hasSize(3))
        .body("points[1].quality", equalTo(null))
        .body("points[2].quality", hasItem("rate_of_change"));
    List<ConsumerRecord<String, String>> events =
        TestKafka.read(
            Topics.READINGS_VALIDATED,
            event -> "quality-jump".equals(event.key()) && event.value().contains("35.0"),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, events.size());
    assertTrue(events.get(0).value().contains("\"qualityFlags\":[\"rate_of_change\"]"));
  }

  @Test
  void lateReadingIsNotChecked() {
    Fixtures.building("quality-b", "Europe/Berlin", true);
    Fixtures.sensor("quality-late", "quality-b", "temperature", -30.0, 60.0);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    Fixtures.publish(
        "quality-late", Fixtures.reading("quality-late", now.minusSeconds(60), 21.0, "Cel"));
    Fixtures.awaitStored("quality-late", 1);
    Fixtures.publish(
        "quality-late", Fixtures.reading("quality-late", now.minusSeconds(120), 45.0, "Cel"));
    Fixtures.awaitStored("quality-late", 2);

    assertEquals(
        0,
        Fixtures.DB.queryLong(
            "SELECT count(*) FROM readings WHERE sensor_id = 'quality-late' AND quality IS NOT NULL"));
  }
}
