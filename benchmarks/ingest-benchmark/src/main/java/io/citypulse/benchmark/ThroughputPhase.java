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
    awaitIdle();
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

  /**
   * Waits until the service has processed everything already in the topic, for example records left
   * by an interrupted earlier run, so that they do not count in this measurement.
   */
  private void awaitIdle() throws IOException, InterruptedException {
    double last = processedCounter();
    int quietSeconds = 0;
    while (quietSeconds < 5) {
      Thread.sleep(1000);
      double now = processedCounter();
      quietSeconds = now == last ? quietSeconds + 1 : 0;
      if (now != last) {
        IngestBenchmark.progress("waiting for the service to finish earlier input (%.0f)", now);
      }
      last = now;
    }
  }

  private double storedCounter() throws IOException, InterruptedException {
    return sumOf(metrics(), "citypulse_readings_stored_total");
  }

  /** Readings stored, skipped as duplicates or quarantined: everything the service processed. */
  private double processedCounter() throws IOException, InterruptedException {
    String metrics = metrics();
    return sumOf(metrics, "citypulse_readings_stored_total")
        + sumOf(metrics, "citypulse_readings_duplicates_total")
        + sumOf(metrics, "citypulse_readings_quarantined_total");
  }

  private String metrics() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/q/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Adds up every series of a Prometheus counter, whatever its tags. */
  private static double sumOf(String metrics, String name) {
    double sum = 0;
    boolean found = false;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalStateException(name + " is missing from /q/metrics");
    }
    return sum;
  }
}
