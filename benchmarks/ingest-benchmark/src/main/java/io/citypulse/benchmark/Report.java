package io.citypulse.benchmark;

import java.time.LocalDate;
import java.util.Locale;

/** Renders the results as a Markdown section for docs/benchmarks.md. */
final class Report {

  private Report() {}

  static String render(
      Options options,
      ThroughputPhase.Result ingest,
      CopyPhase.Result copy,
      LatencyPhase.Result latency) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "### Ingest, %s%n%n", LocalDate.now()));
    out.append(String.format(Locale.ROOT, "Machine: %s.%n%n", MachineInfo.describe()));
    out.append("| figure | value |\n|---|---|\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| ingest throughput, Kafka to committed rows (%,d readings, %,d sensors, %d per record)"
                + " | %,.0f readings/s (%.1f s in all, %.1f s of it publishing) |%n",
            ingest.readings(),
            options.sensors(),
            options.readingsPerRecord(),
            ingest.readingsPerSecond(),
            ingest.totalTime().toMillis() / 1000.0,
            ingest.publishTime().toMillis() / 1000.0));
    out.append(
        String.format(
            Locale.ROOT,
            "| PostgreSQL COPY of the same rows into the same table | %,.0f rows/s (%.1f s) |%n",
            copy.rowsPerSecond(),
            copy.time().toMillis() / 1000.0));
    out.append(
        String.format(
            Locale.ROOT,
            "| ingest / COPY | %.2f |%n",
            ingest.readingsPerSecond() / copy.rowsPerSecond()));
    out.append(
        String.format(
            Locale.ROOT,
            "| publish to queryable at %,d readings/s for %d s (achieved %,.0f/s) | p50 %.0f ms, p99"
                + " %.0f ms, max %.0f ms; %,d of %,d received |%n",
            options.steadyRate(),
            options.steadySeconds(),
            latency.achievedRate(),
            latency.p50(),
            latency.p99(),
            latency.max(),
            latency.received(),
            latency.sent()));
    return out.toString();
  }
}
