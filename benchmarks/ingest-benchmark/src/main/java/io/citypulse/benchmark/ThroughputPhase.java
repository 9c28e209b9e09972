package io.citypulse.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@code readings} readings in records of {@code readingsPerRecord} and waits until the
 * service's counter {@code citypulse_readings_stored_total} has grown by that many.
 */
final class ThroughputPhase {

  /** Outcome: readings per second from the first publish to the last commit. */
  record Result(
      long readings, Duration publishTime, Duration totalTime, double readingsPerSecond) {}

  private final Stack stack;
  private final Options options;
  private final BenchmarkSensors sensors;
  private final HttpClient http = HttpClient.newHttpClient();

  ThroughputPhase(Stack stack, Options options, BenchmarkSensors sensors) {
    this.stack = stack;
    this.options = options;
    this.sensors = sensors;
  }

  Result run(Instant base) throws Exception {
    double before = storedCounter();
    IngestBenchmark.progress("publishing %d readings", options.readings());
    long start = System.nanoTime();
    publish(base);
    long published = System.nanoTime();
    double target = before + options.readings();
    double stored = before;
    long lastProgress = published;
    long lastChange = published;
    while (stored < target) {
      Thread.sleep(200);
      double now = storedCounter();
      if (now > stored) {
        lastChange = System.nanoTime();
      }
      stored = now;
      if (System.nanoTime() - lastProgress > Duration.ofSeconds(10).toNanos()) {
        IngestBenchmark.progress("stored %.0f of %d", stored - before, options.readings());
        lastProgress = System.nanoTime();
      }
      if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
        throw new IllegalStateException(
            "No progress for 60 s: stored " + (stored - before) + " of " + options.readings());
      }
    }
    long done = System.nanoTime();
    Duration total = Duration.ofNanos(done - start);
    return new Result(
        options.readings(),
        Duration.ofNanos(published - start),
        total,
        options.readings() / (total.toNanos() / 1e9));
  }

  private void publish(Instant base) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            1 << 20,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            ProducerConfig.ACKS_CONFIG,
            "all");
    int perSensor = options.readings() / sensors.count();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      StringBuilder record = new StringBuilder(options.readingsPerRecord() * 96);
      int inRecord = 0;
      String key = null;
      for (int minute = 0; minute < perSensor; minute++) {
        String observedAt = base.plus(Duration.ofMinutes(minute)).toString();
        for (int sensor = 0; sensor < sensors.count(); sensor++) {
          String id = BenchmarkSensors.ingestId(sensor);
          record.append(inRecord == 0 ? '[' : ',');
          record
              .append("{\"sensorId\":\"")
              .append(id)
              .append("\",\"observedAt\":\"")
              .append(observedAt)
              .append("\",\"value\":")
              .append(18 + (sensor + minute) % 80 / 10.0)
              .append(",\"unit\":\"Cel\"}");
          key = key == null ? id : key;
          if (++inRecord == options.readingsPerRecord()) {
            record.append(']');
            producer.send(new ProducerRecord<>("citypulse.readings.raw", key, bytes(record)));
            record.setLength(0);
            inRecord = 0;
            key = null;
          }
        }
      }
      if (inRecord > 0) {
        record.append(']');
        producer.send(new ProducerRecord<>("citypulse.readings.raw", key, bytes(record)));
      }
      producer.flush();
    }
  }

  private static byte[] bytes(StringBuilder text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the service's stored-readings counter from its Prometheus endpoint. */
  private double storedCounter() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/q/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n")) {
      if (line.startsWith("citypulse_readings_stored_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException("citypulse_readings_stored_total is missing from /q/metrics");
  }
}
