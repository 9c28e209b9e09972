package io.citypulse.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws} that records every message. Its TCP receive buffer is small, so
 * a client that {@link #stopReading stops reading} backs up the gateway within a few kilobytes.
 */
final class LiveClient implements AutoCloseable {

  private final HttpClient http;
  private final WebSocket socket;
  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  private volatile Short closeCode;

  private LiveClient(HttpClient http, WebSocket socket) {
    this.http = http;
    this.socket = socket;
    socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
    socket.closeHandler(ignored -> closeCode = socket.closeStatusCode());
  }

  /** Connects, with the token in the upgrade request's Authorization header unless it is null. */
  static LiveClient connect(Vertx vertx, URI uri, String token) throws Exception {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setReceiveBufferSize(4096));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI("/ws");
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    // The handlers are set on the event loop as the handshake completes, so no message is missed.
    return http.webSocket(options)
        .map(socket -> new LiveClient(http, socket))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
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
    http.close();
  }
}
