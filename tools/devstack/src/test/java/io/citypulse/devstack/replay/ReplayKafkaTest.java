package io.citypulse.devstack.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.devstack.catalog.Catalog;
import io.citypulse.devstack.catalog.Metric;
import io.citypulse.devstack.infra.TopicReadiness;
import io.citypulse.events.Topics;
import io.citypulse.infra.KafkaBroker;
import io.citypulse.infra.SuiteTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Publishes a replay backlog to a real single-node Kafka broker and reads it back. */
class ReplayKafkaTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:00:30Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path kafkaDirectory;
  private static KafkaBroker broker;
  private static ReplayTimeline timeline;

  @BeforeAll
  static void startBroker() throws IOException {
    broker = KafkaBroker.start(Files.createDirectories(kafkaDirectory.resolve("kafka")), 0, 0);
    broker.createTopics(SuiteTopics.partitions());
    TopicReadiness.await(
        broker.bootstrapServers(), SuiteTopics.partitions().keySet(), Duration.ofSeconds(60));
    timeline =
        new ReplayTimeline(
            UciDataSet.load(
                Path.of("../../data/uci-occupancy-detection"), ZoneId.of("Europe/Berlin")));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void backlogArrivesAsCityPulseJsonKeyedBySensor() throws Exception {
    List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, timeline);
    ReplayMain.requireCatalogSensors(rooms, Catalog.hechingen());
    ReplaySchedule schedule =
        new ReplaySchedule(timeline, rooms, 1, NOW.minus(Duration.ofHours(1)));
    ReplaySchedule expected =
        new ReplaySchedule(timeline, rooms, 1, NOW.minus(Duration.ofHours(1)));

    long published;
    try (ReplayPublisher publisher =
        new ReplayPublisher(broker.bootstrapServers(), Topics.READINGS_RAW)) {
      published =
          new Replay(schedule, publisher, Clock.fixed(NOW, ZoneOffset.UTC)).publishBacklog();
      assertEquals(0, publisher.failedCount());
      assertEquals(published, publisher.acknowledgedCount());
    }
    List<ConsumerRecord<String, String>> records = consumeAll(published);

    assertTrue(published > 12 * 4 * 50, "only " + published + " readings");
    assertEquals(published, records.size());
    ReplaySchedule.ScheduledReading first = expected.next();
    String temperatureSensor = first.room().sensorId(Metric.TEMPERATURE);
    JsonNode firstTemperature =
        records.stream()
            .filter(record -> record.key().equals(temperatureSensor))
            .map(record -> readTree(record.value()))
            .filter(value -> value.get("observedAt").asText().equals(first.observedAt().toString()))
            .findFirst()
            .orElseThrow();
    assertEquals(temperatureSensor, firstTemperature.get("sensorId").asText());
    assertEquals(first.reading().temperature(), firstTemperature.get("value").asDouble());
    assertEquals("Cel", firstTemperature.get("unit").asText());
    for (ConsumerRecord<String, String> record : records) {
      assertEquals(record.key(), readTree(record.value()).get("sensorId").asText());
    }
  }

  private static JsonNode readTree(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new AssertionError("Invalid JSON: " + value, e);
    }
  }

  private static List<ConsumerRecord<String, String>> consumeAll(long expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "replay-test",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.READINGS_RAW));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
