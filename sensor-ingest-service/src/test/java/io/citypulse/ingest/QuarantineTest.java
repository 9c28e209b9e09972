package io.citypulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input lands in quarantine with its own reason code, and the consumer goes on to
 * store the valid reading published after it.
 */
@QuarkusTest
class QuarantineTest {

  private static final String SENSOR = "quarantine-temp";

  @BeforeEach
  void registry() {
    Fixtures.building("quarantine-b", "Europe/Berlin", false);
    Fixtures.sensor(SENSOR, "quarantine-b", "temperature", -30.0, 60.0);
  }

  private static Instant recent() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
  }

  private static void assertQuarantinedThenConsumerContinues(
      String reasonCode, String marker, String badRecord) {
    long storedBefore = Fixtures.storedReadings(SENSOR);
    Instant followUp = recent().minusMillis(System.nanoTime() % 1_000_000);

    Fixtures.publish(SENSOR, badRecord, Fixtures.reading(SENSOR, followUp, 20.0, "Cel"));

    Fixtures.awaitStored(SENSOR, storedBefore + 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Fixtures.quarantined(reasonCode, marker) == 1);
  }

  @Test
  void quarantinesMalformedJson() {
    assertQuarantinedThenConsumerContinues(
        "malformed_json", "garbage-7f3a", "{\"sensorId\": \"garbage-7f3a\", value: ");
  }

  @Test
  void quarantinesNaNValue() {
    String record =
        "{\"sensorId\":\""
            + SENSOR
            + "\",\"observedAt\":\"2026-01-01T00:00:00.123Z\",\"value\":NaN}";
    assertQuarantinedThenConsumerContinues("value_not_finite", "2026-01-01T00:00:00.123Z", record);
  }

  @Test
  void quarantinesStringValue() {
    String record =
        "{\"sensorId\":\""
            + SENSOR
            + "\",\"observedAt\":\"2026-01-01T00:00:00.456Z\",\"value\":\"21.4\"}";
    assertQuarantinedThenConsumerContinues("value_not_numeric", "2026-01-01T00:00:00.456Z", record);
  }

  @Test
  void quarantinesUnknownSensor() {
    String record = Fixtures.reading("no-such-sensor-91c2", recent(), 20.0, "Cel");
    assertQuarantinedThenConsumerContinues("unknown_sensor", "no-such-sensor-91c2", record);
    assertEquals(
        "no-such-sensor-91c2",
        Fixtures.DB.queryString(
            "SELECT sensor_id FROM quarantine WHERE raw_payload LIKE '%no-such-sensor-91c2%'"));
  }

  @Test
  void quarantinesTimestampInSeconds() {
    long epochSeconds = recent().getEpochSecond();
    String record =
        "{\"sensorId\":\"" + SENSOR + "\",\"observedAt\":" + epochSeconds + ",\"value\":20.1}";
    assertQuarantinedThenConsumerContinues(
        "timestamp_in_seconds", "\"observedAt\":" + epochSeconds, record);
  }

  @Test
  void quarantinesFutureTimestamp() {
    Instant future = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    assertQuarantinedThenConsumerContinues(
        "timestamp_in_future", future.toString(), Fixtures.reading(SENSOR, future, 20.0, "Cel"));
  }

  @Test
  void quarantinesValueOutOfRange() {
    Instant at = recent().minusSeconds(7);
    assertQuarantinedThenConsumerContinues(
        "out_of_range", at.toString(), Fixtures.reading(SENSOR, at, 95.0, "Cel"));
  }

  @Test
  void quarantinesUnconvertibleUnit() {
    Instant at = recent().minusSeconds(11);
    assertQuarantinedThenConsumerContinues(
        "unit_not_convertible", at.toString(), Fixtures.reading(SENSOR, at, 20.0, "ppm"));
  }

  @Test
  void quarantinesTwoMegabyteRecordTruncated() {
    char[] filler = new char[2 * 1024 * 1024];
    Arrays.fill(filler, 'x');
    String record =
        "{\"sensorId\":\"huge-record-5d1e\",\"padding\":\"" + new String(filler) + "\"}";

    assertQuarantinedThenConsumerContinues("record_too_large", "huge-record-5d1e", record);

    assertEquals(
        "true",
        Fixtures.DB.queryString(
            "SELECT payload_truncated::text FROM quarantine WHERE raw_payload LIKE"
                + " '%huge-record-5d1e%'"));
    assertEquals(
        record.getBytes(StandardCharsets.UTF_8).length,
        Fixtures.DB.queryLong(
            "SELECT payload_bytes FROM quarantine WHERE raw_payload LIKE '%huge-record-5d1e%'"));
  }

  @Test
  void quarantinesOnlyTheBadItemOfAnArray() {
    Instant at = recent().minusSeconds(13);
    String array =
        "["
            + Fixtures.reading(SENSOR, at, 21.0, "Cel")
            + ",{\"sensorId\":\"array-bad-item-4b7c\",\"value\":1}]";
    long storedBefore = Fixtures.storedReadings(SENSOR);

    Fixtures.publish(SENSOR, array);

    Fixtures.awaitStored(SENSOR, storedBefore + 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Fixtures.quarantined("missing_field", "array-bad-item-4b7c") == 1);
    assertTrue(
        Fixtures.DB
            .queryString(
                "SELECT source_key FROM quarantine WHERE raw_payload LIKE '%array-bad-item-4b7c%'")
            .endsWith("#1"));
  }

  @Test
  void publishesQuarantinedRecordToTopic() {
    String record = Fixtures.reading("topic-check-unknown-3e9a", recent(), 1.0, "Cel");

    Fixtures.publish("topic-check-unknown-3e9a", record);

    List<ConsumerRecord<String, String>> events =
        TestKafka.read(
            Topics.READINGS_QUARANTINE,
            event -> "topic-check-unknown-3e9a".equals(event.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, events.size());
    ConsumerRecord<String, String> event = events.get(0);
    assertTrue(event.value().contains("\"reasonCode\":\"unknown_sensor\""));
    assertEquals(
        "io.citypulse.reading.quarantined.v1",
        new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    assertFalse(event.value().isBlank());
  }
}
