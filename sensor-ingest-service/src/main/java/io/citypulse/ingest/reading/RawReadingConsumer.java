package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code citypulse.readings.raw} in batches. A batch is acknowledged, and so its offsets
 * committed, only after it is stored: a crash before that re-delivers the batch, and the idempotent
 * store absorbs what was already written.
 */
@ApplicationScoped
public class RawReadingConsumer {

  private final IngestPipeline pipeline;
  private final IngestConfig config;

  public RawReadingConsumer(IngestPipeline pipeline, IngestConfig config) {
    this.pipeline = pipeline;
    this.config = config;
  }

  @Incoming("readings-raw")
  public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    List<RawInput> inputs = new ArrayList<>(batch.getRecords().size());
    for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
      long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getOffset();
      inputs.add(
          new RawInput(
              record.getPayload(),
              "kafka:" + record.getTopic() + "/" + record.getPartition() + "/" + offset,
              record.getTimestamp()));
    }
    return Uni.createFrom()
        .deferred(() -> pipeline.ingest(inputs))
        .onFailure()
        .invoke(
            failure ->
                Log.warnf(
                    "Storing a batch of %d raw records failed, it will be retried: %s",
                    inputs.size(), failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(config.retryBackoff(), config.maxRetryBackoff())
        .indefinitely()
        .onItem()
        .invoke(
            result ->
                Log.tracef(
                    "Stored batch of %d records: %d accepted, %d duplicates, %d quarantined",
                    inputs.size(), result.accepted(), result.duplicates(), result.quarantined()))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }
}
