package io.citypulse.devstack.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.devstack.catalog.Metric;
import io.citypulse.devstack.replay.ReplaySchedule.ScheduledReading;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends replayed readings to Kafka as CityPulse JSON, one record per sensor reading, keyed by
 * sensor id. The producer batches, waits for all in-sync replicas and is idempotent, so retries
 * after a broker hiccup add no duplicates.
 */
public final class ReplayPublisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReplayPublisher.class);

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();

  public ReplayPublisher(String bootstrapServers, String topic) {
    this.topic = topic;
    this.producer = new KafkaProducer<>(producerProperties(bootstrapServers));
  }

  static Properties producerProperties(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "citypulse-replay");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "50");
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 * 1024));
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return properties;
  }

  /** Sends the four sensor readings of one replayed row without waiting for the broker. */
  public void publish(ScheduledReading scheduled) {
    for (Metric metric : ReplayRoom.METRICS) {
      String sensorId = scheduled.room().sensorId(metric);
      ObjectNode value = json.createObjectNode();
      value.put("sensorId", sensorId);
      value.put("observedAt", scheduled.observedAt().toString());
      value.put("value", ReplayRoom.value(scheduled.reading(), metric));
      value.put("unit", metric.unit());
      sent.incrementAndGet();
      producer.send(
          new ProducerRecord<>(topic, sensorId, value.toString()),
          (metadata, error) -> {
            if (error == null) {
              acknowledged.incrementAndGet();
            } else {
              recordFailure(sensorId, error);
            }
          });
    }
  }

  private void recordFailure(String sensorId, Exception error) {
    String description = "sensor " + sensorId + ": " + error;
    // The first failure is logged in full; later ones are counted in the per-minute report.
    if (failed.getAndIncrement() == 0) {
      LOG.errorf(error, "Publishing a reading of sensor %s to %s failed", sensorId, topic);
    }
    lastError.set(description);
  }

  /** Blocks until every record sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  /** Readings handed to the producer so far. */
  public long sentCount() {
    return sent.get();
  }

  /** Readings the broker has acknowledged so far. */
  public long acknowledgedCount() {
    return acknowledged.get();
  }

  /** Readings that could not be published. */
  public long failedCount() {
    return failed.get();
  }

  /** Description of the latest failure, or null when none happened. */
  public String lastError() {
    return lastError.get();
  }

  /** Sends what is buffered, waiting at most 10 seconds, and closes the producer. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
