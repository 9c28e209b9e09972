package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

  @Test
  void oldTokensStayValidDuringOverlap() throws Exception {
    User user = Fixtures.user(Role.ANALYST);
    String oldToken = Fixtures.login(user).getString("access_token");
    String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

    String newKid =
        given()
            .auth()
            .oauth2(Fixtures.adminToken())
            .post("/api/identity/keys/rotate")
            .then()
            .statusCode(200)
            .body("active", equalTo(true))
            .extract()
            .path("kid");

    assertNotEquals(oldKid, newKid);
    List<String> published =
        JWKSet.parse(given().get("/oauth2/jwks").asString()).getKeys().stream()
            .map(key -> key.getKeyID())
            .toList();
    assertTrue(published.contains(oldKid), published.toString());
    assertTrue(published.contains(newKid), published.toString());
    given().auth().oauth2(oldToken).get("/api/identity/me").then().statusCode(200);
    given().auth().oauth2(oldToken).get("/oauth2/userinfo").then().statusCode(200);
    String newToken = Fixtures.login(user).getString("access_token");
    assertTrue(newKid.equals(SignedJWT.parse(newToken).getHeader().getKeyID()));
  }
}
