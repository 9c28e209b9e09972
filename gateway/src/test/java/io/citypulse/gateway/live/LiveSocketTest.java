package io.citypulse.gateway.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestIssuer;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** The live socket: authentication, the role matrix on pushes, batches, and slow clients. */
@QuarkusTest
class LiveSocketTest {

  /** The members of a reading message, alone or inside a batch. */
  private static final Set<String> READING_FIELDS =
      Set.of(
          "type",
          "sensorId",
          "buildingId",
          "metric",
          "value",
          "unit",
          "observedAt",
          "receivedAt",
          "qualityFlags");

  private static final Pattern LIVE_EVENTS =
      Pattern.compile("(?m)^citypulse_gateway_live_events_total(?:\\{[^}]*})? (\\S+)$");

  private static final Pattern SLOW_DISCONNECTS =
      Pattern.compile("citypulse_gateway_live_disconnects_total\\{reason=\"slow\"[^}]*} [1-9]");

  @TestHTTPResource("/")
  URI base;

  @Inject LiveHub hub;

  @Test
  void managerReceivesOnlyAssignedBuildings() throws Exception {
    String managerToken =
        TestIssuer.get().user("live-manager", "gebaeudeverwalter", "live-own").sign();
    String adminToken = TestIssuer.get().user("live-admin", "admin").sign();
    try (LiveClient manager = subscribedToAll(managerToken);
        LiveClient admin = subscribedToAll(adminToken)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                publish("live-other-t", "live-other", 1);
                publish("live-own-t", "live-own", 1);
                return hasReading(admin, "live-other") && hasReading(manager, "live-own");
              });
      publish("live-other-t", "live-other", 2);
      publish("live-own-t", "live-own", 2);
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> hasValue(admin, "live-own-t", 2));
      Thread.sleep(500);

      assertFalse(hasReading(manager, "live-other"), "manager got " + manager.messages());
      assertTrue(hasValue(manager, "live-own-t", 2));
    }
  }

  @Test
  void readingArrivesWithinASecond() throws Exception {
    String token = TestIssuer.get().user("live-latency", "energiemanager").sign();
    try (LiveClient client = subscribedToAll(token)) {
      awaitFlowing(client, "live-latency-t", "live-latency");
      Instant published = Instant.now();
      publish("live-latency-t", "live-latency", 42);
      Awaitility.await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> hasValue(client, "live-latency-t", 42));
      assertTrue(Duration.between(published, Instant.now()).toMillis() < 1000);
    }
  }

  @Test
  void managerSubscriptionToOtherBuildingRefused() throws Exception {
    String token = TestIssuer.get().user("live-manager-2", "gebaeudeverwalter", "live-own").sign();
    try (LiveClient client = authenticated(token)) {
      client.send(subscribe("buildings", "live-own", "live-other"));
      JsonObject error = awaitMessage(client, "error");

      assertEquals("forbidden", error.getString("code"));
      assertEquals(new JsonArray().add("live-other"), error.getJsonArray("buildings"));
      assertTrue(error.getString("message").contains("live-other"));
    }
  }

  @Test
  void buergerSubscriptionRefused() throws Exception {
    String token = TestIssuer.get().user("live-buerger", "buerger").sign();
    try (LiveClient client = LiveClient.connect(base, null)) {
      client.send(new JsonObject().put("type", "auth").put("token", token));
      awaitMessage(client, "authenticated");
      client.send(subscribe("buildings", "*"));
      JsonObject error = awaitMessage(client, "error");

      assertEquals("forbidden", error.getString("code"));
      assertTrue(error.getString("message").contains("Bürger"), error.getString("message"));
      assertTrue(client.messages("subscribed").isEmpty());
    }
  }

  @Test
  void anonymousSubscriptionRefused() throws Exception {
    try (LiveClient client = LiveClient.connect(base, null)) {
      awaitMessage(client, "hello");
      client.send(subscribe("buildings", "*"));
      JsonObject error = awaitMessage(client, "error");

      assertEquals("unauthorized", error.getString("code"));
    }
  }

  @Test
  void invisibleSensorSubscriptionRefused() throws Exception {
    String token = TestIssuer.get().user("live-analyst", "analyst").sign();
    try (LiveClient client = authenticated(token)) {
      client.send(subscribe("sensors", "hidden-1", "visible-1"));
      JsonObject error = awaitMessage(client, "error");
      assertEquals(new JsonArray().add("hidden-1"), error.getJsonArray("sensors"));

      client.send(subscribe("sensors", "visible-1"));
      JsonObject subscribed = awaitMessage(client, "subscribed");
      assertEquals(new JsonArray().add("visible-1"), subscribed.getJsonArray("sensors"));
    }
  }

  @Test
  void slowClientDisconnectedWhileFastKeepsReceiving() throws Exception {
    String token = TestIssuer.get().user("live-ops", "techniker").sign();
    try (LiveClient fast = subscribedToAll(token);
        LiveClient slow = subscribedToAll(token)) {
      awaitFlowing(fast, "live-slow-s0", "live-slow");
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hasReading(slow, "live-slow"));
      slow.stopReading();

      int sensors = 20;
      int perSensor = 1000;
      for (int s = 0; s < sensors; s++) {
        List<byte[]> payloads = new ArrayList<>(perSensor);
        for (int v = 0; v < perSensor; v++) {
          payloads.add(reading("live-slow-s" + s, "live-slow", v).getBytes(StandardCharsets.UTF_8));
        }
        TestKafka.publish(Topics.READINGS_VALIDATED, "live-slow-s" + s, payloads);
      }

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (int s = 0; s < sensors; s++) {
                  if (!hasValue(fast, "live-slow-s" + s, perSensor - 1)) {
                    return false;
                  }
                }
                return true;
              });
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> SLOW_DISCONNECTS.matcher(given().get("/q/metrics").asString()).find());
      assertFalse(fast.isClosed());

      slow.resumeReading();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(slow::isClosed);
      Integer code = slow.closeCode();
      assertTrue(code == null || code == 1013, "close code " + code);
    }
  }

  /**
   * How much of a burst the socket buffers absorb before a send stays in flight depends on the
   * machine, so this test does not insist on a batch; SubscriberTest asserts the batching itself.
   * Here every sensor's newest value must arrive, and every batch that does arrive must be well
   * formed.
   */
  @Test
  void burstWhileBusyDeliversNewestValues() throws Exception {
    String token = TestIssuer.get().user("live-batch", "techniker").sign();
    try (LiveClient client = subscribedToAll(token)) {
      awaitFlowing(client, "live-batch-s0", "live-batch");
      // The client stops reading, so its socket buffers fill and the gateway's send stays in
      // flight while the rest of the burst waits. It resumes once the gateway has taken the whole
      // burst from Kafka, well within max-send-delay (2 s).
      client.stopReading();
      int sensors = 20;
      int perSensor = 250;
      double eventsBefore = liveEvents();
      for (int s = 0; s < sensors; s++) {
        List<byte[]> payloads = new ArrayList<>(perSensor);
        for (int v = 0; v < perSensor; v++) {
          payloads.add(
              reading("live-batch-s" + s, "live-batch", v).getBytes(StandardCharsets.UTF_8));
        }
        TestKafka.publish(Topics.READINGS_VALIDATED, "live-batch-s" + s, payloads);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> liveEvents() >= eventsBefore + sensors * perSensor);
      client.resumeReading();

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (int s = 0; s < sensors; s++) {
                  if (!hasValue(client, "live-batch-s" + s, perSensor - 1)) {
                    return false;
                  }
                }
                return true;
              });
      assertFalse(client.isClosed());
      for (JsonObject batch : client.batches()) {
        assertEquals(Set.of("type", "events"), batch.fieldNames(), batch.encode());
        JsonArray events = batch.getJsonArray("events");
        assertTrue(events.size() > 1, "batch of " + events.size() + " event(s)");
        for (int i = 0; i < events.size(); i++) {
          JsonObject event = events.getJsonObject(i);
          assertEquals(READING_FIELDS, event.fieldNames(), event.encode());
          assertEquals("reading", event.getString("type"));
        }
      }
    }
  }

  /** Readings the gateway has taken from Kafka for its sockets so far. */
  private static double liveEvents() {
    Matcher matcher = LIVE_EVENTS.matcher(given().get("/q/metrics").asString());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private LiveClient authenticated(String token) throws Exception {
    LiveClient client = LiveClient.connect(base, token);
    awaitMessage(client, "authenticated");
    return client;
  }

  private LiveClient subscribedToAll(String token) throws Exception {
    LiveClient client = authenticated(token);
    client.send(subscribe("buildings", "*"));
    awaitMessage(client, "subscribed");
    return client;
  }

  /** Publishes until the client receives, because a new consumer starts at the newest offset. */
  private static void awaitFlowing(LiveClient client, String sensor, String building) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              publish(sensor, building, -1);
              return hasReading(client, building);
            });
  }

  /**
   * Waits for the first message of a type. The limit is generous because a loaded build machine can
   * be slow to verify the first token. A timeout reports what the socket received and the state of
   * every socket the gateway holds.
   */
  private JsonObject awaitMessage(LiveClient client, String type) {
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !client.messages(type).isEmpty());
    } catch (ConditionTimeoutException e) {
      fail(
          "No '"
              + type
              + "' message within 30 s. Received: "
              + client.messages()
              + "; closed: "
              + client.isClosed()
              + ", close code: "
              + client.closeCode()
              + ". The gateway's sockets:\n"
              + hub.describe());
    }
    return client.messages(type).get(0);
  }

  private static JsonObject subscribe(String member, String... ids) {
    JsonArray values = new JsonArray();
    for (String id : ids) {
      values.add(id);
    }
    return new JsonObject().put("type", "subscribe").put(member, values);
  }

  private static boolean hasReading(LiveClient client, String building) {
    return client.received(
        m -> "reading".equals(m.getString("type")) && building.equals(m.getString("buildingId")));
  }

  private static boolean hasValue(LiveClient client, String sensor, double value) {
    return client.received(
        m ->
            "reading".equals(m.getString("type"))
                && sensor.equals(m.getString("sensorId"))
                && m.getDouble("value") == value);
  }

  private static void publish(String sensor, String building, double value) {
    TestKafka.publishText(Topics.READINGS_VALIDATED, sensor, reading(sensor, building, value));
  }

  private static String reading(String sensor, String building, double value) {
    Instant now = Instant.now();
    return new JsonObject()
        .put("sensorId", sensor)
        .put("buildingId", building)
        .put("metric", "temperature")
        .put("value", value)
        .put("unit", "Cel")
        .put("observedAt", now.toString())
        .put("receivedAt", now.toString())
        .put("qualityFlags", new JsonArray())
        .encode();
  }
}
