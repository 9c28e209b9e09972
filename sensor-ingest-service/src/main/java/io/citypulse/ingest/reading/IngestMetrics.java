package io.citypulse.ingest.reading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Prometheus metrics of the ingest pipeline, registered at start so every series exists at 0. */
@Startup
@ApplicationScoped
public class IngestMetrics {

  private final Counter stored;
  private final Counter duplicates;
  private final Map<ReasonCode, Counter> quarantined = new EnumMap<>(ReasonCode.class);
  private final DistributionSummary batchSize;
  private final Timer observedToStored;
  private final Timer receivedToStored;

  public IngestMetrics(MeterRegistry registry) {
    stored =
        Counter.builder("citypulse.readings.stored")
            .description("Readings stored for the first time")
            .register(registry);
    duplicates =
        Counter.builder("citypulse.readings.duplicates")
            .description("Valid readings skipped because (sensor, observedAt) was stored already")
            .register(registry);
    for (ReasonCode code : ReasonCode.values()) {
      quarantined.put(
          code,
          Counter.builder("citypulse.readings.quarantined")
              .description("Records or items quarantined, by reason code")
              .tag("reason", code.code())
              .register(registry));
    }
    batchSize =
        DistributionSummary.builder("citypulse.ingest.batch.size")
            .description("Raw records per stored batch")
            .publishPercentileHistogram()
            .register(registry);
    observedToStored =
        Timer.builder("citypulse.ingest.observed.to.stored")
            .description("Delay from a reading's observedAt to its storage")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    receivedToStored =
        Timer.builder("citypulse.ingest.received.to.stored")
            .description("Delay from the raw record's arrival in Kafka to its storage")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
  }

  void recordBatch(int records, int inserted, int duplicateCount) {
    batchSize.record(records);
    stored.increment(inserted);
    duplicates.increment(duplicateCount);
  }

  void recordQuarantined(ReasonCode code) {
    quarantined.get(code).increment();
  }

  void recordDelays(Duration sinceObserved, Duration sinceReceived) {
    if (!sinceObserved.isNegative()) {
      observedToStored.record(sinceObserved);
    }
    if (!sinceReceived.isNegative()) {
      receivedToStored.record(sinceReceived);
    }
  }
}
