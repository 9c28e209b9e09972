package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.citypulse.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionRevocationTest {

  @Test
  void suspendedUserCannotRefresh() {
    User user = Fixtures.user(Role.ANALYST);
    JsonPath login = Fixtures.login(user);

    changeStatus(user, "suspend", Map.of("reason", "policy_violation"))
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"))
        .body("statusReason", equalTo("policy_violation"));

    Fixtures.refresh(login.getString("refresh_token"))
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));
    given()
        .auth()
        .oauth2(login.getString("access_token"))
        .get("/api/identity/me")
        .then()
        .statusCode(401);
    Fixtures.passwordGrant(user.email(), Fixtures.PASSWORD)
        .then()
        .statusCode(400)
        .body("error_description", containsString("suspended"));
  }

  @Test
  void deactivationRevokesSessions() {
    User user = Fixtures.user(Role.ANALYST);
    String first = Fixtures.login(user).getString("refresh_token");
    String second = Fixtures.login(user).getString("refresh_token");

    changeStatus(user, "deactivate", Map.of("reason", "user_request")).then().statusCode(200);

    Fixtures.refresh(first).then().statusCode(400);
    Fixtures.refresh(second).then().statusCode(400);
    long open =
        TestDatabase.of(IdentityTestResources.DATABASE)
            .queryLong(
                "SELECT count(*) FROM sessions WHERE user_id = ?::uuid AND revoked_at IS NULL",
                user.id().toString());
    assertEquals(0, open);
  }

  @Test
  void futureDeactivationIsPending() {
    User user = Fixtures.user(Role.ANALYST);
    String effectiveAt = Instant.now().plusSeconds(86_400).toString();

    changeStatus(user, "deactivate", Map.of("reason", "role_change", "effectiveAt", effectiveAt))
        .then()
        .statusCode(200)
        .body("status", equalTo("active"))
        .body("pendingStatusChange.status", equalTo("deactivated"))
        .body("pendingStatusChange.reason", equalTo("role_change"));

    Fixtures.passwordGrant(user.email(), Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void reactivationRestoresLogin() {
    User user = Fixtures.user(Role.ANALYST);
    changeStatus(user, "suspend", Map.of("reason", "security_incident")).then().statusCode(200);

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .post("/api/identity/users/" + user.id() + "/reactivate")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));

    Fixtures.passwordGrant(user.email(), Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void unknownReasonIsRejected() {
    User user = Fixtures.user(Role.ANALYST);

    changeStatus(user, "suspend", Map.of("reason", "bored"))
        .then()
        .statusCode(400)
        .body("field", equalTo("reason"))
        .body("expected", containsString("security_incident"));
  }

  private static io.restassured.response.Response changeStatus(
      User user, String action, Map<String, String> body) {
    return given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/identity/users/" + user.id() + "/" + action);
  }
}
