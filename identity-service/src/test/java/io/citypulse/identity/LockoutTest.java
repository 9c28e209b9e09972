package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.access.Role;
import io.citypulse.events.Topics;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LockoutTest {

  private static final String WRONG = "Wrong-Password-000";

  @Test
  void eleventhWrongPasswordAnswersLocked() {
    User user = Fixtures.user(Role.TECHNIKER);
    for (int attempt = 1; attempt <= 10; attempt++) {
      Fixtures.passwordGrant(user.email(), WRONG)
          .then()
          .statusCode(400)
          .body("error_description", equalTo("The e-mail address or the password is wrong."));
    }

    Fixtures.passwordGrant(user.email(), WRONG)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", containsString("locked"));
    Fixtures.passwordGrant(user.email(), Fixtures.PASSWORD)
        .then()
        .statusCode(400)
        .body("error_description", containsString("locked"));

    List<ConsumerRecord<String, String>> identity =
        Fixtures.eventOfType(
            Topics.IDENTITY_EVENTS, "io.citypulse.identity.user-locked.v1", user.id().toString());
    assertEquals(1, identity.size());
    assertEquals(user.id().toString(), identity.get(0).key());
    assertEquals("urn:citypulse:identity-service", Fixtures.header(identity.get(0), "ce_source"));
    assertTrue(Fixtures.header(identity.get(0), "ce_time") != null);
    List<ConsumerRecord<String, String>> audit =
        Fixtures.eventOfType(
            Topics.AUDIT_EVENTS,
            "io.citypulse.audit.recorded.v1",
            "\"action\":\"identity.user-locked\",\"resourceType\":\"user\",\"resourceId\":\""
                + user.id());
    assertEquals(1, audit.size());
    // Ten wrong passwords, the eleventh, and the right password while locked.
    List<ConsumerRecord<String, String>> failures =
        Fixtures.eventsOfType(
            Topics.AUDIT_EVENTS,
            "io.citypulse.audit.recorded.v1",
            "\"action\":\"identity.login-failed\",\"resourceType\":\"user\",\"resourceId\":\""
                + user.id(),
            12);
    assertEquals(12, failures.size());
    assertEquals("anonymous", failures.get(0).key());
  }

  @Test
  void unknownEmailIsThrottledLikeKnownOne() {
    String email = "ghost-" + System.nanoTime() + "@test.example";
    for (int attempt = 1; attempt <= 10; attempt++) {
      Fixtures.passwordGrant(email, WRONG).then().statusCode(400);
    }

    Fixtures.passwordGrant(email, WRONG)
        .then()
        .statusCode(400)
        .body("error_description", containsString("locked"));
  }

  @Test
  void adminUnlockRestoresLogin() {
    User user = Fixtures.user(Role.TECHNIKER);
    for (int attempt = 1; attempt <= 10; attempt++) {
      Fixtures.passwordGrant(user.email(), WRONG).then().statusCode(400);
    }

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .post("/api/identity/users/" + user.id() + "/unlock")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));

    Fixtures.passwordGrant(user.email(), Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void lockingRevokesSessions() {
    User user = Fixtures.user(Role.TECHNIKER);
    String refreshToken = Fixtures.login(user).getString("refresh_token");

    for (int attempt = 1; attempt <= 10; attempt++) {
      Fixtures.passwordGrant(user.email(), WRONG).then().statusCode(400);
    }

    Fixtures.refresh(refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
  }
}
