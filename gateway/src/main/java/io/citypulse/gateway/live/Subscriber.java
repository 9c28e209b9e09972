package io.citypulse.gateway.live;

import io.citypulse.access.token.VerifiedCaller;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One live socket: who is connected, what they subscribed to, and the send queue.
 *
 * <p>Events arrive in batches, as the gateway takes them from Kafka (see {@link EventBatch}). At
 * most {@code maxInFlight} messages are handed to the socket and not yet written out. The events of
 * a batch that arrive while fewer are in flight and none wait go out at once as one message: a
 * single event as its own message, several as a {@code batch} message. Beyond that, events wait in
 * a map that keeps only the newest event per coalescing key (per sensor), so a client that reads
 * slowly skips intermediate values instead of slowing the others. When a send completes, up to
 * {@code maxBatch} waiting events go out as one {@code batch} message (see {@link #batch}), or a
 * single waiting event as its own message. A client is disconnected when more than {@code
 * maxPendingKeys} keys wait or when its oldest unwritten message is older than the configured send
 * delay, see {@link #isTooSlow}.
 */
final class Subscriber {

  /** Close code 1008, policy violation: authentication missing, expired or revoked. */
  static final int POLICY_VIOLATION = 1008;

  /** Close code 1013, try again later: the client does not read fast enough. */
  static final int TRY_AGAIN_LATER = 1013;

  private static final String BATCH_START = "{\"type\":\"batch\",\"events\":[";
  private static final String BATCH_END = "]}";

  private final WebSocketConnection connection;
  private final int maxInFlight;
  private final int maxBatch;
  private final int maxPendingKeys;
  private final Runnable onOverflow;
  private final Deque<Long> inFlightSince = new ArrayDeque<>();
  private final LinkedHashMap<String, LiveEvent> pending = new LinkedHashMap<>();
  private volatile VerifiedCaller caller;
  private volatile String token;
  private volatile Subscription subscription = Subscription.NONE;
  private final AtomicInteger repliesWritten = new AtomicInteger();
  private boolean closing;

  Subscriber(
      WebSocketConnection connection,
      int maxInFlight,
      int maxBatch,
      int maxPendingKeys,
      Runnable onOverflow) {
    this.connection = connection;
    this.onOverflow = onOverflow;
    this.maxInFlight = Math.max(1, maxInFlight);
    this.maxBatch = Math.max(1, maxBatch);
    this.maxPendingKeys = Math.max(1, maxPendingKeys);
  }

  /** What a client receives: every visible building, or the listed buildings and sensors. */
  record Subscription(boolean allBuildings, Set<String> buildings, Set<String> sensors) {
    static final Subscription NONE = new Subscription(false, Set.of(), Set.of());

    boolean includes(LiveEvent event) {
      return allBuildings
          || buildings.contains(event.buildingId())
          || (event.sensorId() != null && sensors.contains(event.sensorId()));
    }
  }

  WebSocketConnection connection() {
    return connection;
  }

  VerifiedCaller caller() {
    return caller;
  }

  /** The bearer token the caller authenticated with, for checks against the services. */
  String token() {
    return token;
  }

  void authenticate(VerifiedCaller verified, String bearerToken) {
    VerifiedCaller before = caller;
    if (before != null && !before.actorId().equals(verified.actorId())) {
      subscription = Subscription.NONE;
    }
    caller = verified;
    token = bearerToken;
  }

  void subscribe(Subscription replacement) {
    subscription = replacement;
  }

  /**
   * Queues the events of one batch that the client subscribed to and may see. When nothing waits
   * and a send slot is free, they go out at once as one message. A client that takes every event of
   * the batch sends the batch's shared message, which is encoded once for all sockets.
   */
  void offer(EventBatch batch) {
    VerifiedCaller current = caller;
    Subscription subscribed = subscription;
    if (current == null || subscribed == Subscription.NONE) {
      return;
    }
    List<LiveEvent> events = batch.events();
    List<LiveEvent> chosen = null; // null while every event so far is accepted
    for (int i = 0; i < events.size(); i++) {
      LiveEvent event = events.get(i);
      boolean take = subscribed.includes(event) && event.visibleTo(current.caller());
      if (chosen == null && !take) {
        chosen = new ArrayList<>(events.subList(0, i));
      } else if (chosen != null && take) {
        chosen.add(event);
      }
    }
    List<LiveEvent> accepted = chosen == null ? events : chosen;
    if (accepted.isEmpty()) {
      return;
    }
    boolean overflow;
    synchronized (this) {
      if (closing) {
        return;
      }
      if (pending.isEmpty() && inFlightSince.size() < maxInFlight && accepted.size() <= maxBatch) {
        send(chosen == null ? batch.message() : message(chosen));
        return;
      }
      for (LiveEvent event : accepted) {
        pending.put(event.coalescingKey(), event);
      }
      overflow = pending.size() > maxPendingKeys;
      if (!overflow) {
        drain();
      }
    }
    if (overflow) {
      onOverflow.run();
      close(TRY_AGAIN_LATER, "Too far behind: more than " + maxPendingKeys + " sensors queued");
    }
  }

  /** Sends a message of the protocol (not an event) right away, bypassing the event queue. */
  void reply(String json) {
    connection
        .sendText(json)
        .subscribe()
        .with(
            ignored -> repliesWritten.incrementAndGet(),
            failure ->
                Log.warnf(
                    "Sending a protocol message to live socket %s failed: %s",
                    connection.id(), failure.getMessage()));
  }

  /**
   * Hands one message to the socket. Must hold the lock.
   *
   * <p>WebSockets Next (Quarkus 3.33) cannot send text that is already UTF-8 encoded, because
   * {@code sendText} with a Vert.x {@code Buffer} turns the buffer back into a String. So every
   * message is encoded once per socket, and batching keeps the number of messages low.
   */
  private void send(String json) {
    inFlightSince.addLast(System.nanoTime());
    connection.sendText(json).subscribe().with(ignored -> written(), failure -> written());
  }

  private void written() {
    synchronized (this) {
      inFlightSince.pollFirst();
      drain();
    }
  }

  /** Sends waiting events while send slots are free. Must hold the lock. */
  private void drain() {
    // A send can complete at once and call written() again on the same thread, which changes the
    // queue. So the events leave the map before each send, and no iterator is held across it.
    while (!pending.isEmpty() && inFlightSince.size() < maxInFlight && !closing) {
      send(message(takePending()));
    }
  }

  /** Removes up to {@code maxBatch} waiting events, in the order their keys began to wait. */
  private List<LiveEvent> takePending() {
    List<LiveEvent> events = new ArrayList<>(Math.min(pending.size(), maxBatch));
    Iterator<LiveEvent> waiting = pending.values().iterator();
    while (waiting.hasNext() && events.size() < maxBatch) {
      events.add(waiting.next());
      waiting.remove();
    }
    return events;
  }

  /** Returns one event as its own message, or several as a batch message. */
  static String message(List<LiveEvent> events) {
    return events.size() == 1 ? events.get(0).json() : batch(events);
  }

  /**
   * Builds {@code {"type":"batch","events":[...]}} whose elements are the events' own messages,
   * concatenated as serialized instead of parsed and written again.
   */
  static String batch(List<LiveEvent> events) {
    int length = BATCH_START.length() + BATCH_END.length() + events.size();
    for (LiveEvent event : events) {
      length += event.json().length();
    }
    StringBuilder message = new StringBuilder(length).append(BATCH_START);
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        message.append(',');
      }
      message.append(events.get(i).json());
    }
    return message.append(BATCH_END).toString();
  }

  /** Whether the oldest message handed to the socket has waited longer than the limit. */
  synchronized boolean isTooSlow(long maxDelayNanos, long nowNanos) {
    Long oldest = inFlightSince.peekFirst();
    return oldest != null && nowNanos - oldest > maxDelayNanos;
  }

  synchronized int queued() {
    return inFlightSince.size() + pending.size();
  }

  /** Describes the socket's state in a few words, for diagnostics. */
  synchronized String describe() {
    VerifiedCaller current = caller;
    return connection.id()
        + " ("
        + (current == null ? "not authenticated" : "authenticated as " + current.actorId())
        + ", protocol replies written: "
        + repliesWritten.get()
        + ", messages in flight: "
        + inFlightSince.size()
        + ", events waiting: "
        + pending.size()
        + (closing ? ", closing" : "")
        + ")";
  }

  /** Closes the socket with a code and a reason the client can show; at most once. */
  void close(int code, String reason) {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      pending.clear();
    }
    VerifiedCaller current = caller;
    Log.infof(
        "Closing live socket %s of %s: %d %s",
        connection.id(),
        current == null ? "an unauthenticated client" : current.actorId(),
        code,
        reason);
    connection
        .close(new CloseReason(code, reason))
        .subscribe()
        .with(
            ignored -> {},
            failure -> Log.debugf("Closing socket %s failed: %s", connection.id(), failure));
  }
}
