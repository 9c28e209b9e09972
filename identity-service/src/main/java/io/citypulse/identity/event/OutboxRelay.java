package io.citypulse.identity.event;

import io.citypulse.events.Topics;
import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.persistence.Sql;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends unsent outbox rows to Kafka as binary-mode CloudEvents and marks them sent only after the
 * broker acknowledged them ({@code acks=all}). A crash between the send and the update sends the
 * rows again, so delivery is at least once; consumers deduplicate by {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

  static final URI SOURCE = URI.create("urn:citypulse:identity-service");

  private final Sql sql;
  private final IdentityConfig config;
  private final MutinyEmitter<String> identityEvents;
  private final MutinyEmitter<String> auditEvents;
  private int failuresInARow;

  public OutboxRelay(
      Sql sql,
      IdentityConfig config,
      @Channel("identity-events") MutinyEmitter<String> identityEvents,
      @Channel("audit-events") MutinyEmitter<String> auditEvents) {
    this.sql = sql;
    this.config = config;
    this.identityEvents = identityEvents;
    this.auditEvents = auditEvents;
  }

  /**
   * Sends one batch in outbox order. The rows stay locked ({@code FOR UPDATE SKIP LOCKED}) until
   * they are marked, so two replicas never send the same row at the same time.
   */
  @Scheduled(
      every = "${citypulse.identity.outbox.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void relay() {
    List<OutboxRow> rows =
        sql.list(
            "SELECT id, topic, message_key, event_type, occurred_at, payload::text AS payload"
                + " FROM outbox WHERE sent_at IS NULL ORDER BY position"
                + " LIMIT ? FOR UPDATE SKIP LOCKED",
            row ->
                new OutboxRow(
                    row.getObject("id", UUID.class),
                    row.getString("topic"),
                    row.getString("message_key"),
                    row.getString("event_type"),
                    Sql.instant(row, "occurred_at"),
                    row.getString("payload")),
            config.outbox().batchSize());
    if (rows.isEmpty()) {
      return;
    }

    try {
      send(rows);
    } catch (RuntimeException e) {
      failuresInARow++;
      if (failuresInARow == 1 || failuresInARow % 60 == 0) {
        Log.warnf(
            "Sending %d outbox events failed (%d runs in a row); they stay unsent and are retried"
                + " in the next run: %s",
            rows.size(), failuresInARow, e.toString());
      }
      return;
    }

    List<String> ids = rows.stream().map(row -> row.id().toString()).toList();
    sql.update("UPDATE outbox SET sent_at = ? WHERE id = ANY (?::uuid[])", Instant.now(), ids);
    if (failuresInARow > 0) {
      Log.infof("Outbox relay recovered after %d failed runs", failuresInARow);
      failuresInARow = 0;
    }
    Log.tracef("Outbox relay sent %d events", rows.size());
  }

  private void send(List<OutboxRow> rows) {
    List<Uni<Void>> acks = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      acks.add(emitter(row.topic()).sendMessage(toMessage(row)));
    }
    Uni.join().all(acks).andFailFast().await().atMost(config.outbox().sendTimeout());
  }

  private MutinyEmitter<String> emitter(String topic) {
    return switch (topic) {
      case Topics.IDENTITY_EVENTS -> identityEvents;
      case Topics.AUDIT_EVENTS -> auditEvents;
      default -> throw new IllegalStateException("Outbox row for unknown topic " + topic);
    };
  }

  private static Message<String> toMessage(OutboxRow row) {
    OutgoingCloudEventMetadata<String> cloudEvent =
        OutgoingCloudEventMetadata.<String>builder()
            .withId(row.id().toString())
            .withType(row.eventType())
            .withSource(SOURCE)
            .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(row.messageKey()).build();
    return Message.of(row.payload()).addMetadata(cloudEvent).addMetadata(kafka);
  }

  private record OutboxRow(
      UUID id,
      String topic,
      String messageKey,
      String eventType,
      Instant occurredAt,
      String payload) {}
}
