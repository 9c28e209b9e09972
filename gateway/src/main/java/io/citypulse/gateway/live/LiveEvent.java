package io.citypulse.gateway.live;

import io.citypulse.access.Caller;

/**
 * Something pushed to the live sockets. Readings are the first kind; alerts from {@code
 * citypulse.alerts.events} join as a second implementation with their own visibility rule (the
 * role's alert categories).
 */
public interface LiveEvent {

  /** The building the event belongs to. */
  String buildingId();

  /** The sensor the event belongs to, or null. */
  String sensorId();

  /**
   * Key under which a client that falls behind keeps only the newest event, such as {@code
   * reading:<sensor id>}.
   */
  String coalescingKey();

  /** The message as sent to clients, a JSON object with a {@code type} member. */
  String json();

  /** Whether the caller may receive this event at all, whatever it subscribed to. */
  boolean visibleTo(Caller caller);
}
