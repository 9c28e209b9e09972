package io.citypulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidatedTopicTest {

  @Test
  void publishesStoredReadingAsCloudEvent() {
    Fixtures.building("validated-b", "Europe/Berlin", true);
    Fixtures.sensor("validated-energy", "validated-b", "energy", 0.0, null);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(45);

    Fixtures.publish("validated-energy", Fixtures.reading("validated-energy", at, 12500, "Wh"));

    List<ConsumerRecord<String, String>> events =
        TestKafka.read(
            Topics.READINGS_VALIDATED,
            event -> "validated-energy".equals(event.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, events.size());
    ConsumerRecord<String, String> event = events.get(0);
    assertTrue(event.value().contains("\"value\":12.5"), event.value());
    assertTrue(event.value().contains("\"unit\":\"kWh\""), event.value());
    assertTrue(event.value().contains("\"buildingId\":\"validated-b\""), event.value());
    assertEquals("validated-energy@" + at, header(event, "ce_id"));
    assertEquals("io.citypulse.reading.validated.v1", header(event, "ce_type"));
    assertEquals("urn:citypulse:sensor-ingest-service", header(event, "ce_source"));
  }

  private static String header(ConsumerRecord<String, String> event, String name) {
    return new String(event.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
