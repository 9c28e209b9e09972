package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.registry.Sensor;
import io.citypulse.ingest.registry.SensorCatalog;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes, validates, stores and publishes one batch of raw records. Kafka and HTTP ingest both go
 * through here, so every reading meets the same rules.
 *
 * <p>The batch is stored in one transaction before anything is published; the caller commits its
 * input (Kafka offsets) only after the returned Uni completes. Processing the same batch again
 * stores nothing twice.
 */
@ApplicationScoped
public class IngestPipeline {

  private final RawRecordDecoder decoder;
  private final ReadingValidator validator;
  private final SensorCatalog catalog;
  private final PartitionManager partitions;
  private final ReadingStore store;
  private final QualityChecker quality;
  private final ReadingPublisher publisher;
  private final IngestMetrics metrics;
  private final IngestConfig config;

  public IngestPipeline(
      RawRecordDecoder decoder,
      ReadingValidator validator,
      SensorCatalog catalog,
      PartitionManager partitions,
      ReadingStore store,
      QualityChecker quality,
      ReadingPublisher publisher,
      IngestMetrics metrics,
      IngestConfig config) {
    this.decoder = decoder;
    this.validator = validator;
    this.catalog = catalog;
    this.partitions = partitions;
    this.store = store;
    this.quality = quality;
    this.publisher = publisher;
    this.metrics = metrics;
    this.config = config;
  }

  /** Counts of one processed batch. */
  public record BatchResult(
      int accepted, int duplicates, int quarantined, Map<QuarantineEntry, Long> quarantineIds) {}

  private record Decoded(RawInput input, DecodedRecord record) {}

  /** Valid readings and quarantine entries of a set of raw records, before storage. */
  public record Evaluation(List<ValidReading> valid, List<QuarantineEntry> quarantine) {}

  public Uni<BatchResult> ingest(List<RawInput> inputs) {
    return evaluate(inputs).flatMap(evaluation -> store(inputs.size(), evaluation));
  }

  /** Decodes and validates raw records against the registry; stores nothing. */
  public Uni<Evaluation> evaluate(List<RawInput> inputs) {
    List<Decoded> decoded = new ArrayList<>(inputs.size());
    Set<String> sensorIds = new HashSet<>();
    for (RawInput input : inputs) {
      DecodedRecord record = decoder.decode(input.payload(), input.receivedAt());
      decoded.add(new Decoded(input, record));
      record.candidates().forEach(candidate -> sensorIds.add(candidate.sensorId()));
    }
    return catalog.lookup(sensorIds).map(sensors -> validate(decoded, sensors));
  }

  private Evaluation validate(List<Decoded> decoded, Map<String, Sensor> sensors) {
    Instant now = Instant.now();
    List<ValidReading> valid = new ArrayList<>();
    List<QuarantineEntry> quarantine = new ArrayList<>();
    for (Decoded item : decoded) {
      for (Rejection rejection : item.record().rejections()) {
        quarantine.add(quarantineEntry(rejection, item.input()));
      }
      for (Candidate candidate : item.record().candidates()) {
        ReadingValidator.Outcome outcome =
            validator.validate(candidate, sensors, item.input().receivedAt(), now);
        if (outcome.reading() != null) {
          valid.add(outcome.reading());
        } else {
          quarantine.add(quarantineEntry(outcome.rejection(), item.input()));
        }
      }
    }
    return new Evaluation(valid, quarantine);
  }

  /** Stores and publishes an evaluation; returns the counts. */
  public Uni<BatchResult> store(int recordCount, Evaluation evaluation) {
    Set<YearMonth> months = new HashSet<>();
    evaluation
        .valid()
        .forEach(reading -> months.add(PartitionManager.monthOf(reading.observedAt())));
    return partitions
        .ensure(months)
        .chain(() -> quality.check(evaluation.valid()))
        .flatMap(checked -> store.store(checked, evaluation.quarantine()))
        .call(result -> publisher.publish(result.inserted(), result.quarantined()))
        .map(result -> finish(recordCount, evaluation.valid().size(), result));
  }

  private QuarantineEntry quarantineEntry(Rejection rejection, RawInput input) {
    return QuarantineEntry.of(rejection, input, config.maxQuarantinedPayloadChars());
  }

  private BatchResult finish(int recordCount, int validCount, ReadingStore.StoreResult result) {
    int inserted = result.inserted().size();
    int duplicates = validCount - inserted;
    metrics.recordBatch(recordCount, inserted, duplicates);
    Instant storedAt = Instant.now();
    for (ValidReading reading : result.inserted()) {
      metrics.recordDelays(
          Duration.between(reading.observedAt(), storedAt),
          Duration.between(reading.receivedAt(), storedAt));
    }
    result
        .quarantined()
        .keySet()
        .forEach(
            entry -> {
              metrics.recordQuarantined(entry.code());
              Log.debugf(
                  "Quarantined %s from %s: %s", entry.code(), entry.sourceKey(), entry.reason());
            });
    return new BatchResult(inserted, duplicates, result.quarantined().size(), result.quarantined());
  }
}
