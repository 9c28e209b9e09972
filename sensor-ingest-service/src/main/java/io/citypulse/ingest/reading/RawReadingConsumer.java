package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
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
 *
 * <p>A polled batch is stored in chunks of at most {@code maxChunkBytes} raw bytes, one after the
 * other, so that the memory a batch needs stays bounded however many readings its records carry.
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
    return Multi.createFrom()
        .iterable(chunks(inputs, config.maxChunkBytes()))
        .onItem()
        .transformToUniAndConcatenate(this::storeWithRetry)
        .collect()
        .last()
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  private Uni<IngestPipeline.BatchResult> storeWithRetry(List<RawInput> chunk) {
    return Uni.createFrom()
        .deferred(() -> pipeline.ingest(chunk))
        .onFailure()
        .invoke(
            failure ->
                Log.warnf(
                    "Storing %d raw records from %s failed, retrying: %s",
                    chunk.size(), chunk.get(0).sourceKey(), failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(config.retryBackoff(), config.maxRetryBackoff())
        .indefinitely()
        .onItem()
        .invoke(
            result ->
                Log.tracef(
                    "Stored %d records: %d accepted, %d duplicates, %d quarantined",
                    chunk.size(), result.accepted(), result.duplicates(), result.quarantined()));
  }

  /** Splits the inputs, in order, into runs of at most {@code maxBytes} payload bytes each. */
  static List<List<RawInput>> chunks(List<RawInput> inputs, int maxBytes) {
    List<List<RawInput>> chunks = new ArrayList<>();
    List<RawInput> current = new ArrayList<>();
    long bytes = 0;
    for (RawInput input : inputs) {
      int size = input.payload() == null ? 0 : input.payload().length;
      if (!current.isEmpty() && bytes + size > maxBytes) {
        chunks.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(input);
      bytes += size;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
