package io.citypulse.gateway.live;

import io.citypulse.access.token.VerifiedCaller;
import io.citypulse.gateway.access.DenyList;
import io.citypulse.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open live sockets of this replica. Hands every batch of events to every socket, and each
 * socket filters them by its subscription and the caller's role. Once a second it closes sockets
 * that never authenticated, whose token expired or was revoked at the edge, or whose client fell
 * too far behind.
 */
@ApplicationScoped
public class LiveHub {

  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final GatewayConfig.Live config;
  private final DenyList denyList;
  private final MeterRegistry registry;
  private final Counter delivered;

  public LiveHub(GatewayConfig config, DenyList denyList, MeterRegistry registry) {
    this.config = config.live();
    this.denyList = denyList;
    this.registry = registry;
    Gauge.builder("citypulse.gateway.live.sockets", subscribers, Map::size)
        .description("Open live sockets")
        .register(registry);
    this.delivered =
        Counter.builder("citypulse.gateway.live.events")
            .description("Events received for the live sockets")
            .register(registry);
  }

  Subscriber register(WebSocketConnection connection) {
    Subscriber subscriber =
        new Subscriber(
            connection,
            config.maxInFlight(),
            config.maxBatch(),
            config.maxPendingSensors(),
            this::countOverflow);
    subscribers.put(connection.id(), subscriber);
    return subscriber;
  }

  Subscriber get(WebSocketConnection connection) {
    return subscribers.get(connection.id());
  }

  void unregister(WebSocketConnection connection) {
    subscribers.remove(connection.id());
  }

  /** Hands the events, in their order, to every socket. The list must not change afterwards. */
  public void publish(List<LiveEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    delivered.increment(events.size());
    EventBatch batch = new EventBatch(events);
    for (Subscriber subscriber : subscribers.values()) {
      subscriber.offer(batch);
    }
  }

  /** Describes every open socket's state, one per line, for diagnostics. */
  String describe() {
    StringBuilder text = new StringBuilder();
    subscribers.values().forEach(subscriber -> text.append(subscriber.describe()).append('\n'));
    return text.toString();
  }

  /** Number of open sockets. */
  public int size() {
    return subscribers.size();
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    long now = System.nanoTime();
    Instant wallClock = Instant.now();
    long maxDelay = config.maxSendDelay().toNanos();
    for (Subscriber subscriber : subscribers.values()) {
      VerifiedCaller caller = subscriber.caller();
      WebSocketConnection connection = subscriber.connection();
      if (caller == null) {
        if (connection.creationTime().plus(config.authTimeout()).isBefore(wallClock)) {
          disconnect(
              subscriber,
              Subscriber.POLICY_VIOLATION,
              "auth",
              "Authentication required: no valid token was sent");
        }
      } else if (caller.isExpiredAt(wallClock)) {
        disconnect(
            subscriber,
            Subscriber.POLICY_VIOLATION,
            "expired",
            "Token expired: reconnect with a new token");
      } else if (denyList.denial(caller.caller().subject(), caller.issuedAt()).isPresent()) {
        disconnect(subscriber, Subscriber.POLICY_VIOLATION, "denied", "Account no longer active");
      } else if (subscriber.isTooSlow(maxDelay, now)) {
        disconnect(
            subscriber,
            Subscriber.TRY_AGAIN_LATER,
            "slow",
            "Too far behind: messages unread for over " + config.maxSendDelay().toSeconds() + " s");
      }
    }
  }

  private void disconnect(Subscriber subscriber, int code, String reason, String text) {
    Counter.builder("citypulse.gateway.live.disconnects")
        .description("Live sockets closed by the gateway, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
    subscriber.close(code, text);
  }

  /** Counts a disconnect of a socket whose send queue overflowed. */
  void countOverflow() {
    Counter.builder("citypulse.gateway.live.disconnects")
        .description("Live sockets closed by the gateway, by reason")
        .tag("reason", "slow")
        .register(registry)
        .increment();
  }
}
