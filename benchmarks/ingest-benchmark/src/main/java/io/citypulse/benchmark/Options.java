package io.citypulse.benchmark;

/**
 * Command-line options of the benchmark.
 *
 * @param readings readings of the throughput phase; a multiple of {@code sensors}
 * @param readingsPerRecord readings per Kafka record in the throughput phase, as a gateway batches
 * @param steadyRate readings per second of the latency phase, one reading per record
 */
record Options(
    int sensors,
    int readings,
    int readingsPerRecord,
    int steadyRate,
    int steadySeconds,
    String ingestUrl,
    String reportFile) {

  static Options parse(String[] args) {
    int sensors = 10_000;
    int readings = 3_000_000;
    int perRecord = 100;
    int rate = 5_000;
    int seconds = 60;
    String url = "http://127.0.0.1:8082";
    String report = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--sensors" -> sensors = Integer.parseInt(value);
        case "--readings" -> readings = Integer.parseInt(value);
        case "--per-record" -> perRecord = Integer.parseInt(value);
        case "--rate" -> rate = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--ingest-url" -> url = value;
        case "--report" -> report = value;
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + args[i]
                    + "; expected --sensors N, --readings N, --per-record N, --rate N, --seconds N,"
                    + " --ingest-url URL, --report FILE");
      }
      i++;
    }
    if (readings % sensors != 0) {
      throw new IllegalArgumentException(
          "--readings " + readings + " must be a multiple of --sensors " + sensors);
    }
    return new Options(sensors, readings, perRecord, rate, seconds, url, report);
  }
}
