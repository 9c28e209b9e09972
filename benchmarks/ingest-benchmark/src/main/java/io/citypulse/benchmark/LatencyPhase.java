package io.citypulse.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes single-reading records at a steady rate and measures, per reading, the time from the
 * raw record's Kafka timestamp (set by this producer) to the arrival of its validated event, which
 * the service publishes after the database commit: an upper bound of publish-to-queryable.
 */
final class LatencyPhase {

  /** Outcome: delay percentiles in milliseconds and how many readings arrived. */
  record Result(
      long sent, long received, double p50, double p99, double max, double achievedRate) {}

  private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");
  private static final String VALIDATED = "citypulse.readings.validated";

  private final Stack stack;
  private final Options options;
  private final BenchmarkSensors sensors;

  LatencyPhase(Stack stack, Options options, BenchmarkSensors sensors) {
    this.stack = stack;
    this.options = options;
    this.sensors = sensors;
  }

  Result run() throws Exception {
    List<Long> delays = new ArrayList<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(VALIDATED).stream()
              .map(info -> new TopicPartition(VALIDATED, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      IngestBenchmark.progress(
          "steady load of %d readings/s for %d s", options.steadyRate(), options.steadySeconds());
      long[] sentAndNanos = new long[2];
      Thread producer =
          new Thread(
              () -> {
                long[] result = produce();
                sentAndNanos[0] = result[0];
                sentAndNanos[1] = result[1];
                producing.set(false);
              },
              "latency-producer");
      producer.start();
      long expected = (long) options.steadyRate() * options.steadySeconds();
      long drainDeadline = Long.MAX_VALUE;
      while (delays.size() < expected && System.nanoTime() < drainDeadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.currentTimeMillis();
          if (!record.key().startsWith("bench-a-")) {
            continue;
          }
          Matcher matcher = RECEIVED_AT.matcher(record.value());
          if (matcher.find()) {
            delays.add(now - Instant.parse(matcher.group(1)).toEpochMilli());
          }
        }
        if (!producing.get() && drainDeadline == Long.MAX_VALUE) {
          drainDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        }
      }
      producer.join();
      long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
      double seconds = sentAndNanos[1] / 1e9;
      return new Result(
          sentAndNanos[0],
          sorted.length,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
          sentAndNanos[0] / seconds);
    }
  }

  /** Sends at the steady rate; returns the number sent and the nanoseconds it took. */
  private long[] produce() {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.ACKS_CONFIG,
            "all");
    long total = (long) options.steadyRate() * options.steadySeconds();
    long tickNanos = Duration.ofMillis(10).toNanos();
    double perTick = options.steadyRate() / 100.0;
    long sent = 0;
    int sensor = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (long tick = 0; sent < total; tick++) {
        long due = Math.min(total, Math.round((tick + 1) * perTick));
        String observedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        while (sent < due) {
          String id = BenchmarkSensors.ingestId(sensor);
          String json =
              "{\"sensorId\":\"" + id + "\",\"observedAt\":\"" + observedAt + "\",\"value\":21.5}";
          producer.send(
              new ProducerRecord<>(
                  "citypulse.readings.raw", id, json.getBytes(StandardCharsets.UTF_8)));
          sent++;
          sensor = (sensor + 1) % sensors.count();
        }
        long sleep = start + (tick + 1) * tickNanos - System.nanoTime();
        if (sleep > 0) {
          try {
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      producer.flush();
    }
    return new long[] {sent, System.nanoTime() - start};
  }

  private Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        stack.kafkaBootstrap(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false);
  }

  private static double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
