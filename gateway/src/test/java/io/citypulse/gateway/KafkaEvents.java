package io.citypulse.gateway;

import io.citypulse.testsupport.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes binary-mode CloudEvents as identity-service and sensor-ingest-service do.
 *
 * <p>TODO: move to libs/test-support once another module publishes CloudEvents in tests.
 */
final class KafkaEvents {

  private KafkaEvents() {}

  /** Publishes one event with {@code ce_*} headers and waits for the broker's ack. */
  static void publish(String topic, String key, String type, String source, String json) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            topic,
            null,
            key,
            json,
            List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", UUID.randomUUID().toString()),
                header("ce_type", type),
                header("ce_source", source),
                header("ce_time", Instant.now().toString()),
                header("content-type", "application/json")));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Publishing to " + topic + " failed", e.getCause());
    }
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
