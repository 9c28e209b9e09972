package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.citypulse.access.Role;
import io.citypulse.identity.key.SigningKey;
import io.citypulse.identity.key.SigningKeyRepository;
import io.citypulse.identity.key.SigningKeys;
import io.citypulse.identity.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

  @Inject DataSource dataSource;

  @Inject SigningKeyRepository repository;

  @Inject SigningKeys keys;

  @Test
  void storedPrivateKeysEncrypted() throws Exception {
    byte[] activePkcs8 = keys.active().privateKey().getEncoded();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT kid, private_key_encryption, private_key FROM signing_keys")) {
      int count = 0;
      while (rows.next()) {
        count++;
        assertEquals("aes-256-gcm", rows.getString("private_key_encryption"), rows.getString(1));
        assertFalse(Arrays.equals(activePkcs8, rows.getBytes("private_key")));
      }
      assertTrue(count > 0, "no signing key stored");
    }
  }

  @Test
  void unencryptedKeyEncryptedAndStillUsable() throws Exception {
    RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
    String kid = "plain-" + UUID.randomUUID();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key, created_at,"
                    + " retired_at, published_until) VALUES (?, 'RS256', ?, ?, now(), now(),"
                    + " now() + interval '1 hour')")) {
      insert.setString(1, kid);
      insert.setString(2, jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
      insert.setBytes(3, jwk.getPrivateKey().getEncoded());
      insert.executeUpdate();
    }

    int encrypted = QuarkusTransaction.requiringNew().call(repository::encryptUnencrypted);

    assertEquals(1, encrypted);
    SigningKey stored =
        repository.findPublished(Instant.now()).stream()
            .filter(key -> key.kid().equals(kid))
            .findFirst()
            .orElseThrow();
    assertArrayEquals(jwk.getPrivateKey().getEncoded(), stored.privateKey().getEncoded());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT private_key_encryption FROM signing_keys WHERE kid = ?")) {
      select.setString(1, kid);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertEquals("aes-256-gcm", row.getString(1));
      }
    }
  }

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
