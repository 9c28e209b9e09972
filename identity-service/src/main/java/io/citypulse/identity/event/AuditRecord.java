package io.citypulse.identity.event;

import java.time.Instant;
import java.util.Map;

/**
 * Data of an event on {@code citypulse.audit.events}: who did what to which resource, from where,
 * when, and with which outcome.
 *
 * <p>TODO: move to libs/event-contracts once the audit service consumes it.
 *
 * @param action what happened, such as {@code identity.user-created}
 * @param resourceType {@code user}, {@code client}, {@code signing-key} or {@code users}
 * @param outcome {@code success} or {@code failure}
 */
public record AuditRecord(
    String actorId,
    String actorType,
    String action,
    String resourceType,
    String resourceId,
    String outcome,
    String ip,
    String userAgent,
    Instant occurredAt,
    Map<String, Object> details) {

  /** CloudEvents type of every audit record. */
  public static final String CLOUD_EVENT_TYPE = "io.citypulse.audit.recorded.v1";
}
