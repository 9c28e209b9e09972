package io.citypulse.identity.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.events.Topics;
import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events into the outbox table in the caller's transaction, so an event exists exactly when
 * the change it describes was committed. {@link OutboxRelay} sends them to Kafka later.
 */
@ApplicationScoped
public class Outbox {

  /** Kafka key of identity events that belong to no user (a login with an unknown e-mail). */
  public static final String UNKNOWN_USER_KEY = "unknown";

  private final Sql sql;
  private final ObjectMapper json;

  public Outbox(Sql sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /**
   * Records an event about a user on the identity topic (key: user id) and its audit record on the
   * audit topic (key: actor id).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void userEvent(
      EventType type, UUID userId, String email, Actor actor, Map<String, Object> details) {
    Instant now = Instant.now();
    String userKey = userId == null ? UNKNOWN_USER_KEY : userId.toString();
    UserEventPayload payload =
        new UserEventPayload(
            userId == null ? null : userId.toString(), email, actor.id(), now, details);
    insert(Topics.IDENTITY_EVENTS, userKey, type.cloudEventType(), now, payload);
    String outcome = type == EventType.LOGIN_FAILED ? "failure" : "success";
    audit(type, actor, "user", userId == null ? null : userId.toString(), outcome, now, details);
  }

  /** Records an audit record only, for changes that are not about one user. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void auditEvent(
      EventType type,
      Actor actor,
      String resourceType,
      String resourceId,
      Map<String, Object> details) {
    audit(type, actor, resourceType, resourceId, "success", Instant.now(), details);
  }

  private void audit(
      EventType type,
      Actor actor,
      String resourceType,
      String resourceId,
      String outcome,
      Instant now,
      Map<String, Object> details) {
    AuditRecord record =
        new AuditRecord(
            actor.id(),
            actor.type(),
            type.auditAction(),
            resourceType,
            resourceId,
            outcome,
            actor.ip(),
            actor.userAgent(),
            now,
            details);
    insert(Topics.AUDIT_EVENTS, actor.id(), AuditRecord.CLOUD_EVENT_TYPE, now, record);
  }

  private void insert(String topic, String key, String eventType, Instant occurredAt, Object data) {
    sql.update(
        "INSERT INTO outbox (id, topic, message_key, event_type, occurred_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?::json)",
        UUID.randomUUID(),
        topic,
        key,
        eventType,
        occurredAt,
        toJson(data));
  }

  private String toJson(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event data cannot be written as JSON", e);
    }
  }
}
