package io.citypulse.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Users locked, suspended or deactivated at identity-service are rejected at the edge at once. */
@QuarkusTest
class DenyListTest {

  @Test
  void lockedUserRejectedWithinASecondAndUnlockedAgain() {
    String userId = UUID.randomUUID().toString();
    String token = TestIssuer.get().user(userId, "techniker").sign();
    given().auth().oauth2(token).get("/api/buildings").then().statusCode(200);

    publish(userId, "user-locked");
    // Only the status inside the one-second wait: RestAssured's first JSON path evaluation in a
    // JVM loads Groovy and can take longer than the wait itself.
    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> given().auth().oauth2(token).get("/api/buildings").statusCode() == 401);
    given()
        .auth()
        .oauth2(token)
        .get("/api/buildings")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("reason", equalTo("user-locked"));

    publish(userId, "user-unlocked");
    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> given().auth().oauth2(token).get("/api/buildings").then().statusCode(200));
  }

  @Test
  void deactivatedUserRejectedUntilReactivated() {
    String userId = UUID.randomUUID().toString();
    String old = TestIssuer.get().user(userId, "analyst").sign();
    publish(userId, "user-deactivated");
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> given().auth().oauth2(old).get("/api/sensors").then().statusCode(401));

    publish(userId, "user-reactivated");
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> given().auth().oauth2(old).get("/api/sensors").then().statusCode(200));
  }

  @Test
  void tokenIssuedAfterSuspensionPasses() throws InterruptedException {
    String userId = UUID.randomUUID().toString();
    String before = TestIssuer.get().user(userId, "analyst").sign();
    publish(userId, "user-suspended");
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> given().auth().oauth2(before).get("/api/sensors").then().statusCode(401));
    Thread.sleep(1100);
    String after = TestIssuer.get().user(userId, "analyst").sign();
    given().auth().oauth2(after).get("/api/sensors").then().statusCode(200);
  }

  private static void publish(String userId, String kind) {
    String payload =
        "{\"userId\":\""
            + userId
            + "\",\"email\":\"x@hechingen.de\",\"actorId\":\"admin\",\"occurredAt\":\""
            + Instant.now()
            + "\",\"details\":{\"reason\":\"security_incident\"}}";
    KafkaEvents.publish(
        Topics.IDENTITY_EVENTS,
        userId,
        "io.citypulse.identity." + kind + ".v1",
        "urn:citypulse:identity-service",
        payload);
  }
}
