package io.citypulse.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.citypulse.access.token.BearerTokens;
import io.citypulse.access.token.TokenVerifier;
import io.citypulse.access.token.VerifiedCaller;
import io.citypulse.gateway.access.DenyList;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live updates socket. A client authenticates with a bearer token in the upgrade request or in
 * a first message {@code {"type":"auth","token":"..."}}, then subscribes with {@code
 * {"type":"subscribe","buildings":[...]}} (or {@code ["*"]} for every building it may see) and/or
 * {@code "sensors":[...]}. Each subscribe replaces the previous subscription. Protocol errors are
 * answered with {@code {"type":"error","code":...,"message":...}} and leave the socket open.
 */
@WebSocket(path = "/ws")
public class LiveSocket {

  /** Most sensors one subscribe message may list; each is checked against the registry. */
  static final int MAX_SENSORS = 200;

  private static final String ALL = "*";

  private final LiveHub hub;
  private final TokenVerifier callers;
  private final DenyList denyList;
  private final SensorVisibility sensors;
  private final ObjectMapper json;

  public LiveSocket(
      LiveHub hub,
      TokenVerifier callers,
      DenyList denyList,
      SensorVisibility sensors,
      ObjectMapper json) {
    this.hub = hub;
    this.callers = callers;
    this.denyList = denyList;
    this.sensors = sensors;
    this.json = json;
  }

  @OnOpen
  public Uni<Void> open(WebSocketConnection connection) {
    Subscriber subscriber = hub.register(connection);
    String token = BearerTokens.fromHeader(connection.handshakeRequest().header("Authorization"));
    Log.debugf(
        "Socket %s opened, token in the upgrade request: %b", connection.id(), token != null);
    if (token == null) {
      subscriber.reply(
          message(
              "hello",
              Map.of("message", "Send {\"type\":\"auth\",\"token\":\"<access token>\"} first.")));
      return Uni.createFrom().voidItem();
    }
    return authenticate(subscriber, token);
  }

  @OnTextMessage
  public Uni<Void> onMessage(String text, WebSocketConnection connection) {
    Subscriber subscriber = hub.get(connection);
    if (subscriber == null) {
      return Uni.createFrom().voidItem();
    }
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (IOException e) {
      return error(subscriber, "invalid-message", "The message is not valid JSON.");
    }
    String type = message.path("type").asText("");
    return switch (type) {
      case "auth" -> authenticate(subscriber, message.path("token").asText(""));
      case "subscribe" -> subscribe(subscriber, message);
      case "unsubscribe" -> {
        subscriber.subscribe(Subscriber.Subscription.NONE);
        subscriber.reply(message("unsubscribed", Map.of()));
        yield Uni.createFrom().voidItem();
      }
      case "ping" -> {
        subscriber.reply(message("pong", Map.of()));
        yield Uni.createFrom().voidItem();
      }
      default ->
          error(
              subscriber,
              "invalid-message",
              "Unknown message type '"
                  + type
                  + "'; expected auth, subscribe, unsubscribe or ping.");
    };
  }

  @OnClose
  public void close(WebSocketConnection connection) {
    hub.unregister(connection);
  }

  private Uni<Void> authenticate(Subscriber subscriber, String token) {
    if (token.isBlank()) {
      return error(subscriber, "unauthorized", "The auth message needs a 'token' member.");
    }
    return callers
        .verify(token)
        .onItem()
        .transformToUni(caller -> accept(subscriber, caller, token))
        .onFailure()
        .recoverWithUni(
            failure -> {
              Log.debugf("Socket %s: token rejected: %s", subscriber.connection().id(), failure);
              return error(
                  subscriber,
                  "unauthorized",
                  "The access token was rejected: it is expired, malformed or not signed by the"
                      + " configured issuer. Get a new token.");
            });
  }

  private Uni<Void> accept(Subscriber subscriber, VerifiedCaller caller, String token) {
    if (denyList.denial(caller.caller().subject(), caller.issuedAt()).isPresent()) {
      return error(subscriber, "unauthorized", "The account is no longer active.");
    }
    subscriber.authenticate(caller, token);
    Log.debugf("Socket %s authenticated as %s", subscriber.connection().id(), caller.actorId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", caller.actorId());
    body.put("role", caller.roleId());
    body.put("expiresAt", caller.expiresAt());
    subscriber.reply(message("authenticated", body));
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> subscribe(Subscriber subscriber, JsonNode message) {
    VerifiedCaller verified = subscriber.caller();
    if (verified == null || verified.caller().isAnonymous()) {
      return error(
          subscriber,
          "unauthorized",
          "Anonymous clients receive no live readings. Send {\"type\":\"auth\",\"token\":...} first.");
    }
    Caller caller = verified.caller();
    if (!caller.mayReadSensors()) {
      String role = caller.role().map(Role::displayName).orElse("a client without a role");
      return error(
          subscriber, "forbidden", "The role " + role + " may not receive live sensor readings.");
    }
    Set<String> buildings = strings(message.path("buildings"));
    Set<String> sensorIds = strings(message.path("sensors"));
    if (buildings.isEmpty() && sensorIds.isEmpty()) {
      return error(
          subscriber, "invalid-message", "Subscribe needs 'buildings' (or [\"*\"]) or 'sensors'.");
    }
    if (sensorIds.size() > MAX_SENSORS) {
      return error(
          subscriber, "invalid-message", "At most " + MAX_SENSORS + " sensors per subscription.");
    }
    List<String> refusedBuildings = refusedBuildings(caller, buildings);
    if (!refusedBuildings.isEmpty()) {
      return error(
          subscriber,
          "forbidden",
          "Subscription refused: you may not see the buildings " + refusedBuildings + ".",
          Map.of("buildings", refusedBuildings));
    }
    return sensors
        .refusals(sensorIds, subscriber.token())
        .onItem()
        .transformToUni(
            refused -> {
              if (!refused.isEmpty()) {
                return error(
                    subscriber,
                    "forbidden",
                    "Subscription refused for the sensors "
                        + refused.keySet()
                        + ": "
                        + describe(refused),
                    Map.of("sensors", new ArrayList<>(refused.keySet())));
              }
              boolean all = buildings.remove(ALL);
              subscriber.subscribe(
                  new Subscriber.Subscription(all, Set.copyOf(buildings), Set.copyOf(sensorIds)));
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("buildings", all ? List.of(ALL) : List.copyOf(buildings));
              body.put("sensors", List.copyOf(sensorIds));
              subscriber.reply(message("subscribed", body));
              Log.debugf(
                  "Socket %s of %s subscribed", subscriber.connection().id(), verified.actorId());
              return Uni.createFrom().voidItem();
            });
  }

  private static List<String> refusedBuildings(Caller caller, Set<String> buildings) {
    List<String> refused = new ArrayList<>();
    for (String building : buildings) {
      if (!building.equals(ALL) && !caller.maySeeBuilding(building, false)) {
        refused.add(building);
      }
    }
    return refused;
  }

  private static String describe(Map<String, String> refused) {
    List<String> parts = new ArrayList<>();
    refused.forEach((sensor, reason) -> parts.add(sensor + " " + reason));
    return String.join("; ", parts) + ".";
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    if (array.isArray()) {
      array.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  private Uni<Void> error(Subscriber subscriber, String code, String text) {
    return error(subscriber, code, text, Map.of());
  }

  private Uni<Void> error(
      Subscriber subscriber, String code, String text, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", text);
    body.putAll(extra);
    subscriber.reply(message("error", body));
    return Uni.createFrom().voidItem();
  }

  private String message(String type, Map<String, Object> members) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.putAll(members);
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("A socket message cannot be written as JSON", e);
    }
  }
}
