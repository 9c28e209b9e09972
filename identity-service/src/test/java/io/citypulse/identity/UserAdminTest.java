package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.access.Role;
import io.citypulse.events.Topics;
import io.citypulse.identity.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest {

  @Inject MockMailbox mailbox;

  @Test
  void createSendsInvitationAndRequiresPasswordChange() {
    String email = "neu-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";

    String id =
        create(email, "gebaeudeverwalter", List.of("rathaus"))
            .then()
            .statusCode(201)
            .body("email", equalTo(email))
            .body("role", equalTo("gebaeudeverwalter"))
            .body("roleDisplayName", equalTo("Gebäudeverwalter"))
            .body("buildings", contains("rathaus"))
            .body("status", equalTo("active"))
            .body("mustChangePassword", equalTo(true))
            .extract()
            .path("id");

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !mailbox.getMailsSentTo(email).isEmpty());
    Mail mail = mailbox.getMailsSentTo(email).get(0);
    assertTrue(mail.getText().startsWith("Guten Tag"), mail.getText());
    assertTrue(mail.getText().contains("Gebäudeverwalter"), mail.getText());
    assertTrue(mail.getText().contains("Hello"), mail.getText());
    assertTrue(mail.getText().contains("Building manager"), mail.getText());
    assertTrue(
        !mail.getText().contains("Initial-Passwort-2025"), "mail must not contain the password");
    Fixtures.passwordGrant(email, "Initial-Passwort-2025")
        .then()
        .statusCode(200)
        .body("password_change_required", equalTo(true));
    List<ConsumerRecord<String, String>> created =
        Fixtures.eventOfType(Topics.IDENTITY_EVENTS, "io.citypulse.identity.user-created.v1", id);
    assertEquals(id, created.get(0).key());
  }

  @Test
  void emailUniquenessIgnoresCase() {
    String email = "Doppelt-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    create(email, "buerger", List.of()).then().statusCode(201);

    create(email.toUpperCase(), "buerger", List.of())
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://citypulse.io/problems/email-taken"));
  }

  @Test
  void createRejectsWeakInitialPassword() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email", "schwach@test.example",
                "name", "Schwach",
                "role", "buerger",
                "initialPassword", "kurz"))
        .post("/api/identity/users")
        .then()
        .statusCode(400)
        .body("rule", equalTo("password-too-short"))
        .body("detail", containsString("at least 12 characters"));
  }

  @Test
  void buildingManagerNeedsBuildings() {
    create("ohne-" + UUID.randomUUID() + "@test.example", "gebaeudeverwalter", List.of())
        .then()
        .statusCode(400)
        .body("field", equalTo("buildings"));
  }

  @Test
  void listFiltersByRoleBuildingAndText() {
    User manager = Fixtures.user(Role.GEBAEUDEVERWALTER, "filter-schule");
    Fixtures.user(Role.ANALYST);

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .queryParam("role", "gebaeudeverwalter")
        .queryParam("building", "filter-schule")
        .get("/api/identity/users")
        .then()
        .statusCode(200)
        .body("items.email", contains(manager.email()))
        .body("total", equalTo(1));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .queryParam("q", manager.email().substring(0, 26).toUpperCase())
        .queryParam("status", "active")
        .get("/api/identity/users")
        .then()
        .statusCode(200)
        .body("items.email", contains(manager.email()));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .queryParam("role", "analyst")
        .get("/api/identity/users")
        .then()
        .statusCode(200)
        .body("items.role", everyItem(equalTo("analyst")));
  }

  @Test
  void roleChangeReachesNextToken() {
    User user = Fixtures.user(Role.BUERGER);

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "gebaeudeverwalter", "buildings", List.of("realschule", "rathaus")))
        .patch("/api/identity/users/" + user.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("gebaeudeverwalter"))
        .body("buildings", contains("rathaus", "realschule"));

    given()
        .auth()
        .oauth2(Fixtures.login(user).getString("access_token"))
        .get("/oauth2/userinfo")
        .then()
        .body("groups", contains("gebaeudeverwalter"))
        .body("buildings", contains("rathaus", "realschule"));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "analyst"))
        .patch("/api/identity/users/" + user.id())
        .then()
        .statusCode(200)
        .body("buildings", empty());
  }

  @Test
  void nonAdminGets403AndAnonymous401() {
    String token = Fixtures.login(Fixtures.user(Role.ENERGIEMANAGER)).getString("access_token");
    List<String> paths =
        List.of("/api/identity/users", "/api/identity/clients", "/api/identity/keys");

    for (String path : paths) {
      given().auth().oauth2(token).get(path).then().statusCode(403);
      given().get(path).then().statusCode(401);
    }
    given().auth().oauth2(token).post("/api/identity/lockdown?dryRun=true").then().statusCode(403);
    given().post("/api/identity/lockdown?dryRun=true").then().statusCode(401);
    given().get("/api/identity/me").then().statusCode(401);
    given().auth().oauth2(token).get("/api/identity/me").then().statusCode(200);
  }

  @Test
  void invalidRoleNamesAllowedValues() {
    create("rolle-" + UUID.randomUUID() + "@test.example", "chef", List.of())
        .then()
        .statusCode(400)
        .body("field", equalTo("role"))
        .body("expected", containsString("gebaeudeverwalter"));
  }

  private static io.restassured.response.Response create(
      String email, String role, List<String> buildings) {
    return given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email", email,
                "name", "Neue Person",
                "role", role,
                "buildings", buildings,
                "initialPassword", "Initial-Passwort-2025"))
        .post("/api/identity/users");
  }
}
