package io.citypulse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: publish raw bytes, read back what a service produced. */
public final class TestKafka {

  private TestKafka() {}

  /** Publishes each payload as one record with the key and waits for the broker's ack. */
  public static void publish(String topic, String key, List<byte[]> payloads) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
      List<Future<RecordMetadata>> sends = new ArrayList<>(payloads.size());
      for (byte[] payload : payloads) {
        sends.add(producer.send(new ProducerRecord<>(topic, key, payload)));
      }
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Publishing to " + topic + " failed", e.getCause());
    }
  }

  /** Publishes each text as one UTF-8 record with the key. */
  public static void publishText(String topic, String key, String... texts) {
    List<byte[]> payloads = new ArrayList<>(texts.length);
    for (String text : texts) {
      payloads.add(text.getBytes(StandardCharsets.UTF_8));
    }
    publish(topic, key, payloads);
  }

  /**
   * Reads the topic from the beginning until {@code expected} records match the filter or the
   * timeout passes, and returns the matching records.
   */
  public static List<ConsumerRecord<String, String>> read(
      String topic,
      Predicate<ConsumerRecord<String, String>> filter,
      int expected,
      Duration timeout) {
    List<ConsumerRecord<String, String>> matching = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (matching.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record)) {
            matching.add(record);
          }
        }
      }
    }
    return matching;
  }

  private static Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        4 * 1024 * 1024,
        ProducerConfig.LINGER_MS_CONFIG,
        5);
  }

  private static Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG,
        "test-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        4 * 1024 * 1024);
  }
}
