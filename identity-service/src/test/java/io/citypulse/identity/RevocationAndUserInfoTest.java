package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationAndUserInfoTest {

  @Test
  void revokedRefreshTokenCannotRefresh() {
    User user = Fixtures.user(Role.BUERGER);
    String refreshToken = Fixtures.login(user).getString("refresh_token");

    revoke(refreshToken, null).then().statusCode(200);

    Fixtures.refresh(refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
  }

  @Test
  void revokingAccessTokenEndsItsSession() {
    User user = Fixtures.user(Role.BUERGER);
    JsonPath login = Fixtures.login(user);

    revoke(login.getString("access_token"), "access_token").then().statusCode(200);

    Fixtures.refresh(login.getString("refresh_token")).then().statusCode(400);
  }

  @Test
  void revokingUnknownTokenAnswers200() {
    revoke("unknown-token", "refresh_token").then().statusCode(200);
  }

  @Test
  void userInfoReturnsCurrentClaims() {
    User user = Fixtures.user(Role.GEBAEUDEVERWALTER, "realschule");
    String token = Fixtures.login(user).getString("access_token");

    given()
        .auth()
        .oauth2(token)
        .get("/oauth2/userinfo")
        .then()
        .statusCode(200)
        .body("sub", equalTo(user.id().toString()))
        .body("email", equalTo(user.email()))
        .body("name", equalTo(user.name()))
        .body("groups", contains("gebaeudeverwalter"))
        .body("buildings", contains("realschule"));
  }

  @Test
  void userInfoWithoutTokenIs401() {
    given().get("/oauth2/userinfo").then().statusCode(401).body("error", equalTo("invalid_token"));
  }

  @Test
  void userInfoWithForgedTokenIs401() {
    User user = Fixtures.user(Role.BUERGER);
    String token = Fixtures.login(user).getString("access_token");
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, 10)
            + "AAAA"
            + parts[2].substring(14);

    given().auth().oauth2(forged).get("/oauth2/userinfo").then().statusCode(401);
  }

  private static io.restassured.response.Response revoke(String token, String hint) {
    var request =
        given()
            .contentType(ContentType.URLENC)
            .formParam("client_id", Fixtures.DASHBOARD)
            .formParam("token", token);
    if (hint != null) {
      request = request.formParam("token_type_hint", hint);
    }
    return request.post("/oauth2/revoke");
  }
}
