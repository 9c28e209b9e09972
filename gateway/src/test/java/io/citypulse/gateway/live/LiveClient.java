package io.citypulse.gateway.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws} that records every message. A {@code batch} message is recorded
 * in {@link #batches()}, and each of its events in {@link #messages()} as if it had arrived alone.
 * Its TCP receive buffer is small, so a client that {@link #stopReading stops reading} backs up the
 * gateway within a few kilobytes.
 */
final class LiveClient implements AutoCloseable {

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  private final List<JsonObject> batches = new CopyOnWriteArrayList<>();
  private volatile Short closeCode;

  private LiveClient(WebSocketClient client) {
    this.client = client;
    this.socket = client.webSocket();
    socket.textMessageHandler(text -> record(new JsonObject(text)));
    socket.closeHandler(ignored -> closeCode = socket.closeStatusCode());
  }

  /** Connects, with the token in the upgrade request's Authorization header unless it is null. */
  static LiveClient connect(Vertx vertx, URI uri, String token) throws Exception {
    LiveClient live =
        new LiveClient(
            vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096)));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI("/ws");
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    // The handlers are in place before the handshake, so the server's first message is not missed.
    live.socket
        .connect(options)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return live;
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

  void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  /** Stops reading from the socket, as a client on a stalled network would. */
  void stopReading() {
    socket.pause();
  }

  void resumeReading() {
    socket.resume();
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

  Short closeCode() {
    return closeCode;
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    socket.close();
    client.close();
  }
}
