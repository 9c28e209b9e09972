package io.citypulse.benchmark;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the throughput phase's rows once more with {@code COPY ... FROM STDIN} into the same
 * partitioned {@code readings} table, under the unregistered ids {@code bench-b-*}: the fastest way
 * PostgreSQL takes these rows on this machine.
 */
final class CopyPhase {

  /** Outcome: rows per second of the COPY, the CSV generated ahead and not timed. */
  record Result(long rows, Duration time, double rowsPerSecond) {}

  private final Stack stack;
  private final Options options;
  private final BenchmarkSensors sensors;

  CopyPhase(Stack stack, Options options, BenchmarkSensors sensors) {
    this.stack = stack;
    this.options = options;
    this.sensors = sensors;
  }

  Result run(Instant base) throws Exception {
    IngestBenchmark.progress("generating %d rows for COPY", options.readings());
    String csv = csv(base);
    IngestBenchmark.progress("COPY of %d rows", options.readings());
    try (Connection connection = stack.connect()) {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      long rows;
      try (Reader reader = new StringReader(csv)) {
        rows =
            copy.copyIn(
                "COPY readings (sensor_id, observed_at, value, received_at) FROM STDIN WITH (FORMAT csv)",
                reader);
      }
      Duration time = Duration.ofNanos(System.nanoTime() - start);
      return new Result(rows, time, rows / (time.toNanos() / 1e9));
    }
  }

  private String csv(Instant base) {
    int perSensor = options.readings() / sensors.count();
    String receivedAt = Instant.now().toString();
    StringBuilder csv = new StringBuilder(options.readings() * 64);
    for (int minute = 0; minute < perSensor; minute++) {
      String observedAt = base.plus(Duration.ofMinutes(minute)).toString();
      for (int sensor = 0; sensor < sensors.count(); sensor++) {
        csv.append(BenchmarkSensors.copyId(sensor))
            .append(',')
            .append(observedAt)
            .append(',')
            .append(18 + (sensor + minute) % 80 / 10.0)
            .append(',')
            .append(receivedAt)
            .append('\n');
      }
    }
    return csv.toString();
  }
}
