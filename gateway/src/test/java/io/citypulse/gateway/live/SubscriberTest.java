package io.citypulse.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    subscriber.offer(reading("s1", 1));

    assertEquals(List.of(reading("s1", 1).json()), socket.sent);
  }

  @Test
  void eventsWhileBusyGoOutAsOneBatch() {
    Subscriber subscriber = subscriber(1, 500, 100);
    subscriber.offer(reading("s1", 1));
    subscriber.offer(reading("s1", 2));
    subscriber.offer(reading("s2", 1));
    subscriber.offer(reading("s1", 3));
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
    subscriber.offer(reading("s0", 1));
    for (int s = 1; s <= 5; s++) {
      subscriber.offer(reading("s" + s, 1));
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
    subscriber.offer(reading("s1", 1));
    subscriber.offer(reading("s1", 2));
    subscriber.offer(reading("s2", 1));
    socket.completeOldest();
    socket.completeOldest();

    subscriber.offer(reading("s3", 1));

    assertEquals(3, socket.sent.size());
    assertEquals(reading("s3", 1).json(), socket.sent.get(2));
  }

  @Test
  void overflowClosesWithTryAgainLater() {
    Subscriber subscriber = subscriber(1, 500, 3);
    subscriber.offer(reading("s0", 1));
    for (int s = 1; s <= 4; s++) {
      subscriber.offer(reading("s" + s, 1));
    }

    assertEquals(1, overflows.get());
    assertEquals(Subscriber.TRY_AGAIN_LATER, socket.closeReason.getCode());

    socket.completeOldest();
    assertEquals(1, socket.sent.size(), "a closing socket sends no batch");
  }

  @Test
  void tooSlowWhileMessageInFlight() {
    Subscriber subscriber = subscriber(1, 500, 100);
    subscriber.offer(reading("s1", 1));
    long later = System.nanoTime() + 3 * SECOND;

    assertTrue(subscriber.isTooSlow(2 * SECOND, later));

    socket.completeOldest();
    assertFalse(subscriber.isTooSlow(2 * SECOND, later));
    assertNull(socket.closeReason);
  }

  private Subscriber subscriber(int maxInFlight, int maxBatch, int maxPendingKeys) {
    Subscriber subscriber =
        new Subscriber(
            socket.proxy(), maxInFlight, maxBatch, maxPendingKeys, overflows::incrementAndGet);
    subscriber.authenticate(VerifiedCaller.ANONYMOUS, "token");
    subscriber.subscribe(new Subscriber.Subscription(true, Set.of(), Set.of()));
    return subscriber;
  }

  private static TestEvent reading(String sensor, int value) {
    return new TestEvent(sensor, value);
  }

  /** A reading that every caller may see, so the test needs no roles. */
  private record TestEvent(String sensorId, int value) implements LiveEvent {

    @Override
    public String buildingId() {
      return "building";
    }

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
