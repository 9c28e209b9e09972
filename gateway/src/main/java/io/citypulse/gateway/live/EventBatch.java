package io.citypulse.gateway.live;

import java.util.List;

/**
 * Events taken from Kafka together, handed to every socket at once. Sockets that want all of them
 * share one message, built on first use: every socket subscribed to everything sends the same text.
 * Used by the thread that publishes the batch only.
 */
final class EventBatch {

  private final List<LiveEvent> events;
  private String message;

  /** The list is used as given and must not change afterwards. */
  EventBatch(List<LiveEvent> events) {
    this.events = events;
  }

  List<LiveEvent> events() {
    return events;
  }

  /** Returns the events as one message: the event's own message for one, else a batch message. */
  String message() {
    if (message == null) {
      message = Subscriber.message(events);
    }
    return message;
  }
}
