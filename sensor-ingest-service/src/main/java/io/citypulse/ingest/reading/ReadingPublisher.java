package io.citypulse.ingest.reading;

import io.citypulse.events.QuarantinedRecord;
import io.citypulse.events.ValidatedReading;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes stored readings to {@code citypulse.readings.validated} and quarantined items to {@code
 * citypulse.readings.quarantine}, both keyed by sensor id, as CloudEvents in Kafka binary mode. The
 * returned Uni completes when the broker has acknowledged every record.
 */
@ApplicationScoped
public class ReadingPublisher {

  private static final URI SOURCE = URI.create("urn:citypulse:sensor-ingest-service");

  private final MutinyEmitter<ValidatedReading> validated;
  private final MutinyEmitter<QuarantinedRecord> quarantine;

  public ReadingPublisher(
      @Channel("readings-validated") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
          MutinyEmitter<ValidatedReading> validated,
      @Channel("readings-quarantine") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
          MutinyEmitter<QuarantinedRecord> quarantine) {
    this.validated = validated;
    this.quarantine = quarantine;
  }

  public Uni<Void> publish(List<ValidReading> readings, Map<QuarantineEntry, Long> quarantined) {
    List<Uni<Void>> sends = new ArrayList<>(readings.size() + quarantined.size());
    for (ValidReading reading : readings) {
      sends.add(validated.sendMessage(validatedMessage(reading)));
    }
    quarantined.forEach(
        (entry, id) -> sends.add(quarantine.sendMessage(quarantineMessage(entry, id))));
    if (sends.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join().all(sends).andFailFast().replaceWithVoid();
  }

  private static Message<ValidatedReading> validatedMessage(ValidReading reading) {
    ValidatedReading event =
        new ValidatedReading(
            reading.sensorId(),
            reading.sensor().buildingId(),
            reading.sensor().metric().id(),
            reading.value(),
            reading.sensor().unit(),
            reading.observedAt(),
            reading.receivedAt(),
            reading.qualityFlags());
    // The id is derived from the reading's identity, so a consumer can drop a re-sent event.
    String id = reading.sensorId() + "@" + reading.observedAt();
    return Message.of(event)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder().withKey(reading.sensorId()).build())
        .addMetadata(
            OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(ValidatedReading.EVENT_TYPE)
                .withSource(SOURCE)
                .withTimestamp(reading.observedAt().atZone(ZoneOffset.UTC))
                .build());
  }

  private static Message<QuarantinedRecord> quarantineMessage(QuarantineEntry entry, long id) {
    QuarantinedRecord event =
        new QuarantinedRecord(
            id,
            entry.sensorId(),
            entry.code().code(),
            entry.reason(),
            entry.raw(),
            entry.sourceKey(),
            entry.receivedAt());
    String key = entry.sensorId() == null ? "unknown" : entry.sensorId();
    return Message.of(event)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
        .addMetadata(
            OutgoingCloudEventMetadata.builder()
                .withId("quarantine-" + id)
                .withType(QuarantinedRecord.EVENT_TYPE)
                .withSource(SOURCE)
                .withTimestamp(entry.receivedAt().atZone(ZoneOffset.UTC))
                .build());
  }
}
