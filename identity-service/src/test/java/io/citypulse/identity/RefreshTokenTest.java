package io.citypulse.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.citypulse.access.Role;
import io.citypulse.events.Topics;
import io.citypulse.identity.user.User;
import io.citypulse.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTokenTest {

  @Test
  void refreshRotatesTheToken() {
    User user = Fixtures.user(Role.ENERGIEMANAGER);
    String first = Fixtures.login(user).getString("refresh_token");

    JsonPath refreshed = Fixtures.refresh(first).then().statusCode(200).extract().jsonPath();

    String second = refreshed.getString("refresh_token");
    assertNotEquals(first, second);
    assertEquals("openid profile email", refreshed.getString("scope"));
    Fixtures.refresh(second).then().statusCode(200);
  }

  @Test
  void reusedRefreshTokenRevokesFamily() {
    User user = Fixtures.user(Role.ENERGIEMANAGER);
    String first = Fixtures.login(user).getString("refresh_token");
    String second = Fixtures.refresh(first).then().statusCode(200).extract().path("refresh_token");

    Fixtures.refresh(first)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", containsString("used before"));

    Fixtures.refresh(second).then().statusCode(400).body("error", equalTo("invalid_grant"));
    long open =
        TestDatabase.of(IdentityTestResources.DATABASE)
            .queryLong(
                "SELECT count(*) FROM sessions WHERE user_id = ?::uuid AND revoked_at IS NULL",
                user.id().toString());
    assertEquals(0, open);
    assertEquals(
        1,
        Fixtures.eventOfType(
                Topics.IDENTITY_EVENTS,
                "io.citypulse.identity.refresh-token-reused.v1",
                user.id().toString())
            .size());
  }

  @Test
  void unknownRefreshTokenIsInvalidGrant() {
    Fixtures.refresh("not-a-token").then().statusCode(400).body("error", equalTo("invalid_grant"));
  }
}
