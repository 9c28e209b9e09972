package io.citypulse.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link DenyList} from {@code citypulse.identity.events}: locked, suspended and
 * deactivated users are denied, reactivated and unlocked users allowed again. Every replica reads
 * every event (its own consumer group), starting {@code entry-lifetime} back in time, see {@link
 * IdentityEventsRebalanceListener}.
 */
@ApplicationScoped
public class IdentityEventConsumer {

  private static final String TYPE_PREFIX = "io.citypulse.identity.";

  private final DenyList denyList;
  private final ObjectMapper json;

  public IdentityEventConsumer(DenyList denyList, ObjectMapper json) {
    this.denyList = denyList;
    this.json = json;
  }

  @Incoming("identity-events")
  public void consume(ConsumerRecord<String, String> record) {
    String type = header(record, "ce_type");
    if (type == null || !type.startsWith(TYPE_PREFIX)) {
      return;
    }
    String kind = type.substring(TYPE_PREFIX.length()).replaceFirst("\\.v\\d+$", "");
    switch (kind) {
      case "user-locked", "user-suspended", "user-deactivated" -> apply(record, kind, true);
      case "user-reactivated", "user-unlocked" -> apply(record, kind, false);
      default -> Log.tracef("Identity event %s ignored", kind);
    }
  }

  private void apply(ConsumerRecord<String, String> record, String kind, boolean deny) {
    JsonNode payload = parse(record.value());
    String userId = text(payload, "userId");
    if (userId == null) {
      userId = record.key();
    }
    if (userId == null) {
      Log.warnf("Identity event %s at offset %d has no user id; ignored", kind, record.offset());
      return;
    }
    Instant at = occurredAt(payload, record);
    if (deny) {
      denyList.deny(userId, at, kind);
    } else {
      denyList.allow(userId, at, kind);
    }
  }

  private JsonNode parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readTree(value);
    } catch (IOException e) {
      Log.warnf("Identity event payload is not JSON; the record key is used: %s", e.getMessage());
      return null;
    }
  }

  private static Instant occurredAt(JsonNode payload, ConsumerRecord<String, String> record) {
    String value = text(payload, "occurredAt");
    if (value == null) {
      value = header(record, "ce_time");
    }
    if (value != null) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        Log.debugf("Identity event time %s is not ISO-8601; the record time is used", value);
      }
    }
    return Instant.ofEpochMilli(record.timestamp());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
