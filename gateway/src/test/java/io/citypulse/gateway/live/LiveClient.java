package io.citypulse.gateway.live;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws} that records every message. A {@code batch} message is recorded
 * in {@link #batches()}, and each of its events in {@link #messages()} as if it had arrived alone.
 *
 * <p>It uses the JDK's client. The Vert.x 4.5.27 client drops a frame that arrives in the same read
 * as the handshake response, because {@code Http1xConnectionBase.handleWsFrame} passes frames on
 * only once the WebSocket object exists. The gateway sends its first message as soon as the socket
 * opens, so a Vert.x test client missed it now and then. The JDK client reads the next message only
 * on request, and its TCP receive buffer is set small, so a client that {@link #stopReading stops
 * reading} backs up the gateway within a few kilobytes.
 */
final class LiveClient implements AutoCloseable, WebSocket.Listener {

  /** System property with the JDK client's socket receive buffer size, in bytes. */
  private static final String RECEIVE_BUFFER_PROPERTY = "jdk.httpclient.receiveBufferSize";

  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  private final List<JsonObject> batches = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private boolean paused;
  private boolean requestDeferred;
  private volatile Integer closeCode;
  private volatile boolean closed;

  private LiveClient() {}

  /** Connects, with the token in the upgrade request's Authorization header unless it is null. */
  static LiveClient connect(URI base, String token) throws Exception {
    System.setProperty(RECEIVE_BUFFER_PROPERTY, "4096");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    WebSocket.Builder builder = http.newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    URI uri = new URI("ws", null, base.getHost(), base.getPort(), "/ws", null, null);
    LiveClient live = new LiveClient();
    WebSocket socket = builder.buildAsync(uri, live).get(10, TimeUnit.SECONDS);
    synchronized (live) {
      live.socket = socket;
    }
    return live;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    // The JDK calls the listener for one part at a time, so the parts need no lock.
    partial.append(data);
    if (last) {
      record(new JsonObject(partial.toString()));
      partial.setLength(0);
    }
    requestNext(webSocket);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    requestNext(webSocket);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    closed = true;
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed = true;
  }

  /** Requests the next message, or defers the request while the client does not read. */
  private synchronized void requestNext(WebSocket webSocket) {
    if (paused) {
      requestDeferred = true;
    } else {
      webSocket.request(1);
    }
  }

  private void record(JsonObject message) {
    if (!"batch".equals(message.getString("type"))) {
      messages.add(message);
      return;
    }
    batches.add(message);
    List<JsonObject> events = new ArrayList<>();
    for (Object event : message.getJsonArray("events")) {
      events.add((JsonObject) event);
    }
    messages.addAll(events);
  }

  void send(JsonObject message) throws Exception {
    socket().sendText(message.encode(), true).get(10, TimeUnit.SECONDS);
  }

  /** Stops reading from the socket, as a client on a stalled network would. */
  synchronized void stopReading() {
    paused = true;
  }

  synchronized void resumeReading() {
    paused = false;
    if (requestDeferred) {
      requestDeferred = false;
      socket.request(1);
    }
  }

  List<JsonObject> messages() {
    return messages;
  }

  /** Returns the {@code batch} messages as received, with their {@code events} array. */
  List<JsonObject> batches() {
    return batches;
  }

  List<JsonObject> messages(String type) {
    return messages.stream().filter(m -> type.equals(m.getString("type"))).toList();
  }

  boolean received(Predicate<JsonObject> condition) {
    return messages.stream().anyMatch(condition);
  }

  /** Returns the close code the gateway sent, or null while the socket is open. */
  Integer closeCode() {
    return closeCode;
  }

  boolean isClosed() {
    return closed;
  }

  private synchronized WebSocket socket() {
    return socket;
  }

  @Override
  public void close() {
    WebSocket webSocket = socket();
    if (!closed) {
      webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
    webSocket.abort();
  }
}
