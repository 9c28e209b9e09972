package io.citypulse.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.access.Caller;
import io.citypulse.access.token.VerifiedCaller;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The send queue of one socket, on a connection whose sends the test completes. */
class SubscriberTest {

  private static final long SECOND = 1_000_000_000L;

  private final FakeConnection socket = new FakeConnection();
  private final AtomicInteger overflows = new AtomicInteger();

  @Test
  void idleSocketSendsEventAlone() {
    Subscriber subscriber = subscriber(1, 500, 100);

    offer(subscriber, reading("s1", 1));

    assertEquals(List.of(reading("s1", 1).json()), socket.sent);
  }

  @Test
  void idleSocketsShareBatchMessage() {
    Subscriber first = subscriber(1, 500, 100);
    FakeConnection otherSocket = new FakeConnection();
    Subscriber second = subscriber(otherSocket, 1, 500, 100, Set.of());
    EventBatch batch = new EventBatch(List.of(reading("s1", 1), reading("s2", 1)));

    first.offer(batch);
    second.offer(batch);

    assertEquals(List.of(Subscriber.batch(batch.events())), socket.sent);
    assertSame(socket.sent.get(0), otherSocket.sent.get(0), "encoded once for both sockets");
  }

  @Test
  void batchFilteredBySubscription() {
    Subscriber subscriber = subscriber(socket, 1, 500, 100, Set.of("own"));
    TestEvent own = new TestEvent("s1", "own", 1);
    TestEvent other = new TestEvent("s2", "other", 1);
    TestEvent ownToo = new TestEvent("s3", "own", 1);

    subscriber.offer(new EventBatch(List.of(other, own, other, ownToo)));
    subscriber.offer(new EventBatch(List.of(other)));

    assertEquals(List.of(Subscriber.batch(List.of(own, ownToo))), socket.sent);
  }

  @Test
  void batchLargerThanMaxBatchIsSplit() {
    Subscriber subscriber = subscriber(1, 2, 100);

    subscriber.offer(new EventBatch(List.of(reading("s1", 1), reading("s2", 1), reading("s3", 1))));
    socket.completeOldest();

    assertEquals(
        List.of(
            Subscriber.batch(List.of(reading("s1", 1), reading("s2", 1))), reading("s3", 1).json()),
        socket.sent);
  }

  @Test
  void eventsWhileBusyGoOutAsOneBatch() {
    Subscriber subscriber = subscriber(1, 500, 100);
    offer(subscriber, reading("s1", 1));
    offer(subscriber, reading("s1", 2));
    offer(subscriber, reading("s2", 1));
    offer(subscriber, reading("s1", 3));
    assertEquals(1, socket.sent.size(), "sent while the first message was in flight");

    socket.completeOldest();

    assertEquals(2, socket.sent.size());
    String expected =
        "{\"type\":\"batch\",\"events\":["
            + reading("s1", 3).json()
            + ","
            + reading("s2", 1).json()
            + "]}";
    assertEquals(expected, socket.sent.get(1));
  }

  @Test
  void batchLimitedToMaxBatch() {
    Subscriber subscriber = subscriber(1, 2, 100);
    offer(subscriber, reading("s0", 1));
    for (int s = 1; s <= 5; s++) {
      offer(subscriber, reading("s" + s, 1));
    }

    socket.completeOldest();
    socket.completeOldest();
    socket.completeOldest();

    assertEquals(4, socket.sent.size());
    assertEquals(Subscriber.batch(List.of(reading("s1", 1), reading("s2", 1))), socket.sent.get(1));
    assertEquals(Subscriber.batch(List.of(reading("s3", 1), reading("s4", 1))), socket.sent.get(2));
    assertEquals(reading("s5", 1).json(), socket.sent.get(3), "a single waiting event goes alone");
  }

  @Test
  void idleSocketSendsAgainAfterBatch() {
    Subscriber subscriber = subscriber(1, 500, 100);
    offer(subscriber, reading("s1", 1));
    offer(subscriber, reading("s1", 2));
    offer(subscriber, reading("s2", 1));
    socket.completeOldest();
    socket.completeOldest();

    offer(subscriber, reading("s3", 1));

    assertEquals(3, socket.sent.size());
    assertEquals(reading("s3", 1).json(), socket.sent.get(2));
  }

  @Test
  void overflowClosesWithTryAgainLater() {
    Subscriber subscriber = subscriber(1, 500, 3);
    offer(subscriber, reading("s0", 1));
    for (int s = 1; s <= 4; s++) {
      offer(subscriber, reading("s" + s, 1));
    }

    assertEquals(1, overflows.get());
    assertEquals(Subscriber.TRY_AGAIN_LATER, socket.closeReason.getCode());

    socket.completeOldest();
    assertEquals(1, socket.sent.size(), "a closing socket sends no batch");
  }

  @Test
  void tooSlowWhileMessageInFlight() {
    Subscriber subscriber = subscriber(1, 500, 100);
    offer(subscriber, reading("s1", 1));
    long later = System.nanoTime() + 3 * SECOND;

    assertTrue(subscriber.isTooSlow(2 * SECOND, later));

    socket.completeOldest();
    assertFalse(subscriber.isTooSlow(2 * SECOND, later));
    assertNull(socket.closeReason);
  }

  private Subscriber subscriber(int maxInFlight, int maxBatch, int maxPendingKeys) {
    return subscriber(socket, maxInFlight, maxBatch, maxPendingKeys, Set.of());
  }

  /** A subscriber of the given buildings, or of every building when there are none. */
  private Subscriber subscriber(
      FakeConnection connection,
      int maxInFlight,
      int maxBatch,
      int maxPendingKeys,
      Set<String> buildings) {
    Subscriber subscriber =
        new Subscriber(
            connection.proxy(), maxInFlight, maxBatch, maxPendingKeys, overflows::incrementAndGet);
    subscriber.authenticate(VerifiedCaller.ANONYMOUS, "token");
    subscriber.subscribe(new Subscriber.Subscription(buildings.isEmpty(), buildings, Set.of()));
    return subscriber;
  }

  /** Offers one event, as a batch of one, the way the hub hands events to a socket. */
  private static void offer(Subscriber subscriber, LiveEvent event) {
    subscriber.offer(new EventBatch(List.of(event)));
  }

  private static TestEvent reading(String sensor, int value) {
    return new TestEvent(sensor, "building", value);
  }

  /** A reading that every caller may see, so the test needs no roles. */
  private record TestEvent(String sensorId, String buildingId, int value) implements LiveEvent {

    @Override
    public String coalescingKey() {
      return "reading:" + sensorId;
    }

    @Override
    public String json() {
      return "{\"type\":\"reading\",\"sensorId\":\"" + sensorId + "\",\"value\":" + value + "}";
    }

    @Override
    public boolean visibleTo(Caller caller) {
      return true;
    }
  }

  /**
   * A {@link WebSocketConnection} that records every text message and completes each send only in
   * {@link #completeOldest}, so a test controls what is in flight.
   */
  private static final class FakeConnection implements InvocationHandler {

    final List<String> sent = new ArrayList<>();
    final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    CloseReason closeReason;

    WebSocketConnection proxy() {
      return (WebSocketConnection)
          Proxy.newProxyInstance(
              WebSocketConnection.class.getClassLoader(),
              new Class<?>[] {WebSocketConnection.class},
              this);
    }

    void completeOldest() {
      inFlight.removeFirst().complete(null);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      return switch (method.getName()) {
        case "sendText" -> {
          sent.add((String) args[0]);
          CompletableFuture<Void> written = new CompletableFuture<>();
          inFlight.addLast(written);
          yield Uni.createFrom().completionStage(written);
        }
        case "close" -> {
          closeReason = (CloseReason) args[0];
          yield Uni.createFrom().voidItem();
        }
        case "id", "toString" -> "fake-connection";
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
  }
}
