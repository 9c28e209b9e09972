package io.citypulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Measures sensor-ingest-service on a running local stack, in one run:
 *
 * <ol>
 *   <li>ingest throughput: a few million readings across 10,000 sensors published to {@code
 *       citypulse.readings.raw} and counted until stored, readings per second;
 *   <li>the same rows written with PostgreSQL {@code COPY} into the same table, the physical limit
 *       of this machine, and the ratio of the two;
 *   <li>delay from publish to queryable at a steady rate, p50 and p99, measured by a consumer of
 *       {@code citypulse.readings.validated}, which the service publishes after the commit.
 * </ol>
 *
 * Benchmark sensors use the prefix {@code bench-} and are deleted with their readings at the end.
 */
public final class IngestBenchmark {

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Stack stack = Stack.locate(options);
    System.out.printf(Locale.ROOT, "CityPulse ingest benchmark on %s%n", MachineInfo.describe());
    System.out.printf(
        Locale.ROOT,
        "sensors %d, readings %d (%d per record), steady rate %d/s for %d s%n%n",
        options.sensors(),
        options.readings(),
        options.readingsPerRecord(),
        options.steadyRate(),
        options.steadySeconds());

    BenchmarkSensors sensors = new BenchmarkSensors(stack, options.sensors());
    sensors.register();
    try {
      Instant base =
          Instant.now()
              .truncatedTo(ChronoUnit.MINUTES)
              .minus(Duration.ofMinutes(options.readings() / options.sensors() + 60));
      ThroughputPhase.Result ingest = new ThroughputPhase(stack, options, sensors).run(base);
      CopyPhase.Result copy = new CopyPhase(stack, options, sensors).run(base);
      LatencyPhase.Result latency = new LatencyPhase(stack, options, sensors).run();
      String report = Report.render(options, ingest, copy, latency);
      System.out.println(report);
      if (options.reportFile() != null) {
        Files.writeString(Path.of(options.reportFile()), report);
        System.out.println("Report written to " + options.reportFile());
      }
    } finally {
      sensors.cleanUp();
    }
  }

  /** Prints to stderr what a phase is doing, so a long run shows progress. */
  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "  .. " + format + "%n", args);
  }

  /** Reads a whole small text file, trimmed. */
  static String readSecret(Path file) throws IOException {
    return Files.readString(file).trim();
  }
}
