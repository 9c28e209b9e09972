package io.citypulse.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestIssuer;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Every API request becomes an audit event on citypulse.audit.events. */
@QuarkusTest
class AuditEventTest {

  @Test
  void requestPublishedAsAuditEventWithoutToken() {
    String token = TestIssuer.get().user("audit-user", "energiemanager").sign();
    String requestId = "audit-test-" + System.nanoTime();
    given()
        .auth()
        .oauth2(token)
        .header("X-Request-Id", requestId)
        .header("User-Agent", "audit-test/1.0")
        .get("/api/readings/latest?buildingId=rathaus")
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> records =
        TestKafka.read(
            Topics.AUDIT_EVENTS, r -> r.value().contains(requestId), 1, Duration.ofSeconds(15));
    assertEquals(1, records.size());
    ConsumerRecord<String, String> record = records.get(0);
    JsonObject event = new JsonObject(record.value());

    assertEquals("audit-user", record.key());
    assertEquals("io.citypulse.audit.api-request.v1", header(record, "ce_type"));
    assertEquals("urn:citypulse:gateway", header(record, "ce_source"));
    assertNotNull(header(record, "ce_id"));
    assertNotNull(Instant.parse(header(record, "ce_time")));
    assertEquals("api_requests", event.getString("category"));
    assertEquals("audit-user", event.getString("user"));
    assertEquals("energiemanager", event.getString("role"));
    assertEquals("readings", event.getString("route"));
    assertEquals("GET", event.getString("method"));
    assertEquals("/api/readings/latest", event.getString("path"));
    assertEquals(200, event.getInteger("status"));
    assertTrue(event.getLong("durationMs") >= 0);
    assertEquals("127.0.0.1", event.getString("clientIp"));
    assertEquals("audit-test/1.0", event.getString("userAgent"));
    assertEquals(requestId, event.getString("requestId"));
    assertFalse(record.value().contains(token), "the audit event contains the token");
    assertFalse(
        record.value().contains("buildingId=rathaus"), "the audit event contains the query");
  }

  @Test
  void anonymousRequestKeyedAnonymous() {
    String requestId = "audit-anon-" + System.nanoTime();
    given().header("X-Request-Id", requestId).get("/api/status").then().statusCode(200);

    List<ConsumerRecord<String, String>> records =
        TestKafka.read(
            Topics.AUDIT_EVENTS, r -> r.value().contains(requestId), 1, Duration.ofSeconds(15));
    assertEquals(1, records.size());
    assertEquals("anonymous", records.get(0).key());
    assertEquals("status", new JsonObject(records.get(0).value()).getString("route"));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
