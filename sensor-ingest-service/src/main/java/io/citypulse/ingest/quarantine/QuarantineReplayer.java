package io.citypulse.ingest.quarantine;

import io.citypulse.ingest.reading.IngestPipeline;
import io.citypulse.ingest.reading.QuarantineEntry;
import io.citypulse.ingest.reading.RawInput;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends quarantined input through the same validation again, typically after the registry was
 * fixed. A replay that passes stores the readings and marks the entry replayed; one that fails
 * keeps the entry open with the reason of this attempt. No new quarantine entry is created.
 */
@ApplicationScoped
public class QuarantineReplayer {

  /** Outcome of one replay. */
  public record ReplayOutcome(
      long id, String outcome, int stored, int duplicates, String reasonCode, String reason) {}

  /** Counts of a bulk replay. */
  public record BulkOutcome(int replayed, int stored, int stillRejected, int skipped) {}

  private final QuarantineRepository repository;
  private final IngestPipeline pipeline;

  public QuarantineReplayer(QuarantineRepository repository, IngestPipeline pipeline) {
    this.repository = repository;
    this.pipeline = pipeline;
  }

  public Uni<ReplayOutcome> replay(long id) {
    return repository
        .findById(id)
        .map(
            found ->
                found.orElseThrow(
                    () -> ProblemException.notFound("Quarantine entry", String.valueOf(id))))
        .flatMap(this::replay);
  }

  private Uni<ReplayOutcome> replay(QuarantinedItem item) {
    if (item.status().equals("replayed")) {
      throw ProblemException.conflict(
          "already-replayed",
          "Quarantine entry " + item.id() + " was replayed and stored already.");
    }
    if (item.payloadTruncated()) {
      throw ProblemException.conflict(
          "payload-truncated",
          "Quarantine entry "
              + item.id()
              + " kept only the first part of its "
              + item.payloadBytes()
              + "-byte payload and cannot be replayed; the sender must send it again, split up.");
    }
    RawInput input =
        new RawInput(
            item.rawPayload().getBytes(StandardCharsets.UTF_8),
            "replay:" + item.id(),
            item.receivedAt());
    return pipeline.evaluate(List.of(input)).flatMap(evaluation -> settle(item, evaluation));
  }

  private Uni<ReplayOutcome> settle(QuarantinedItem item, IngestPipeline.Evaluation evaluation) {
    if (!evaluation.quarantine().isEmpty()) {
      QuarantineEntry first = evaluation.quarantine().get(0);
      Log.infof("Replay of quarantine entry %d rejected again: %s", item.id(), first.code().code());
      return repository
          .markStillRejected(item.id(), first.code().code(), first.reason())
          .replaceWith(
              new ReplayOutcome(item.id(), "rejected", 0, 0, first.code().code(), first.reason()));
    }
    IngestPipeline.Evaluation readingsOnly =
        new IngestPipeline.Evaluation(evaluation.valid(), List.of());
    return pipeline
        .store(1, readingsOnly)
        .call(() -> repository.markReplayed(item.id()))
        .invoke(
            result ->
                Log.infof(
                    "Replay of quarantine entry %d stored %d readings",
                    item.id(), result.accepted()))
        .map(
            result ->
                new ReplayOutcome(
                    item.id(), "stored", result.accepted(), result.duplicates(), null, null));
  }

  /** Replays every open entry that matches the filter, at most {@code limit} of them. */
  public Uni<BulkOutcome> replayAll(QuarantineFilter filter, int limit) {
    QuarantineFilter open =
        new QuarantineFilter(
            filter.reasonCode(), filter.sensorId(), filter.from(), filter.to(), "open");
    return repository
        .findIds(open, 0, limit)
        .flatMap(
            ids ->
                Multi.createFrom()
                    .iterable(ids)
                    .onItem()
                    .transformToUniAndConcatenate(this::replayQuietly)
                    .collect()
                    .asList())
        .map(QuarantineReplayer::summarize);
  }

  private Uni<ReplayOutcome> replayQuietly(long id) {
    return replay(id)
        .onFailure(ProblemException.class)
        .recoverWithItem(new ReplayOutcome(id, "skipped", 0, 0, null, null));
  }

  private static BulkOutcome summarize(List<ReplayOutcome> outcomes) {
    int stored = 0;
    int rejected = 0;
    int skipped = 0;
    for (ReplayOutcome outcome : outcomes) {
      switch (outcome.outcome()) {
        case "stored" -> stored++;
        case "rejected" -> rejected++;
        default -> skipped++;
      }
    }
    return new BulkOutcome(outcomes.size(), stored, rejected, skipped);
  }
}
