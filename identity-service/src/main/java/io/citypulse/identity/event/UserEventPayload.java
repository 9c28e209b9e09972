package io.citypulse.identity.event;

import java.time.Instant;
import java.util.Map;

/**
 * Data of an event on {@code citypulse.identity.events}. The event kind is the CloudEvents type;
 * {@code details} contains what changed (new role, buildings, status reason, ...).
 *
 * <p>TODO: move to libs/event-contracts once a second service consumes identity events.
 *
 * @param userId the user the event is about; null for a failed login with an unknown e-mail
 * @param email the user's e-mail address, or the address a failed login used
 * @param actorId who caused the event: a user id, {@code anonymous} or {@code system}
 */
public record UserEventPayload(
    String userId, String email, String actorId, Instant occurredAt, Map<String, Object> details) {}
