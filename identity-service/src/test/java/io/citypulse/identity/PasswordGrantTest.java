package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordGrantTest {

  @ConfigProperty(name = "citypulse.identity.issuer")
  String issuer;

  @Test
  void passwordGrantIssuesTokensWithClaims() throws Exception {
    User user = Fixtures.user(Role.GEBAEUDEVERWALTER, "rathaus", "stadtbibliothek");

    JsonPath response = Fixtures.login(user);

    assertEquals("Bearer", response.getString("token_type"));
    assertEquals(300, response.getInt("expires_in"));
    assertTrue(response.getString("refresh_token").length() >= 40);
    JWTClaimsSet access = SignedJWT.parse(response.getString("access_token")).getJWTClaimsSet();
    assertEquals(issuer, access.getIssuer());
    assertEquals(user.id().toString(), access.getSubject());
    assertEquals(user.email(), access.getStringClaim("email"));
    assertEquals(user.name(), access.getStringClaim("name"));
    assertEquals(List.of("gebaeudeverwalter"), access.getStringListClaim("groups"));
    assertEquals(List.of("rathaus", "stadtbibliothek"), access.getStringListClaim("buildings"));
    assertEquals("openid profile email", access.getStringClaim("scope"));
    assertEquals(
        300, (access.getExpirationTime().getTime() - access.getIssueTime().getTime()) / 1000);
    JWTClaimsSet id = SignedJWT.parse(response.getString("id_token")).getJWTClaimsSet();
    assertEquals(List.of(Fixtures.DASHBOARD), id.getAudience());
    assertEquals(user.id().toString(), id.getSubject());
  }

  @Test
  void unknownEmailAndWrongPasswordGetSameAnswer() {
    User user = Fixtures.user(Role.ANALYST);

    Map<String, Object> wrongPassword =
        Fixtures.passwordGrant(user.email(), "Wrong-Password-123")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath()
            .getMap("");
    Map<String, Object> unknownEmail =
        Fixtures.passwordGrant("nobody-" + user.email(), "Wrong-Password-123")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath()
            .getMap("");

    assertEquals("invalid_grant", wrongPassword.get("error"));
    assertEquals(wrongPassword, unknownEmail);
  }

  @Test
  void loginIgnoresEmailCase() {
    User user = Fixtures.user(Role.BUERGER);

    Fixtures.passwordGrant(user.email().toUpperCase(), Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void firstLoginGetsPasswordChangeTokenOnly() {
    User user = Fixtures.user(Role.TECHNIKER, true);

    JsonPath first = Fixtures.login(user);
    assertEquals(true, first.getBoolean("password_change_required"));
    assertEquals("password-change", first.getString("scope"));
    assertNull(first.getString("refresh_token"));
    String restricted = first.getString("access_token");
    given().auth().oauth2(restricted).get("/api/identity/me").then().statusCode(403);

    given()
        .auth()
        .oauth2(restricted)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Neues-Passwort-2025"))
        .post("/api/identity/me/password")
        .then()
        .statusCode(204);

    JsonPath second =
        Fixtures.passwordGrant(user.email(), "Neues-Passwort-2025")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertNull(second.get("password_change_required"));
    given()
        .auth()
        .oauth2(second.getString("access_token"))
        .get("/api/identity/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email()))
        .body("role", equalTo("techniker"))
        .body("mustChangePassword", equalTo(false));
  }

  @Test
  void passwordPolicyNamesTheRule() {
    User user = Fixtures.user(Role.ANALYST);
    String token = Fixtures.login(user).getString("access_token");
    Map<String, String> cases =
        Map.of(
            "short-1",
            "password-too-short",
            user.email(),
            "password-is-email",
            "Passwort1234",
            "password-too-common");

    cases.forEach(
        (password, rule) ->
            given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", password))
                .post("/api/identity/me/password")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://citypulse.io/problems/password-policy"))
                .body("rule", equalTo(rule))
                .body("detail", notNullValue()));
  }

  @Test
  void passwordChangeRevokesSessions() {
    User user = Fixtures.user(Role.ANALYST);
    JsonPath login = Fixtures.login(user);

    given()
        .auth()
        .oauth2(login.getString("access_token"))
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Ganz-Neues-Passwort-9"))
        .post("/api/identity/me/password")
        .then()
        .statusCode(204);

    Fixtures.refresh(login.getString("refresh_token"))
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("refresh_token", nullValue());
  }
}
