package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientCredentialsTest {

  @Test
  void machineClientGetsIngestToken() throws Exception {
    String clientId = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = createClient(clientId);

    String token =
        given()
            .auth()
            .preemptive()
            .basic(clientId, secret)
            .contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .post("/oauth2/token")
            .then()
            .statusCode(200)
            .body("scope", equalTo("ingest"))
            .body("refresh_token", org.hamcrest.Matchers.nullValue())
            .extract()
            .path("access_token");

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertEquals(clientId, claims.getSubject());
    assertEquals("ingest", claims.getStringClaim("scope"));
    assertNull(claims.getClaim("groups"));
  }

  @Test
  void clientSecretPostChecksSecret() {
    String clientId = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = createClient(clientId);

    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .post("/oauth2/token")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret + "x")
        .post("/oauth2/token")
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"));
  }

  @Test
  void clientSecretStoredAsArgon2Hash() {
    String clientId = "gateway-" + UUID.randomUUID().toString().substring(0, 8);
    createClient(clientId);

    String stored =
        io.citypulse.testsupport.TestDatabase.of(IdentityTestResources.DATABASE)
            .queryString("SELECT secret_hash FROM clients WHERE id = ?", clientId);
    org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("$argon2id$v=19$"), stored);
  }

  @Test
  void publicClientCannotUseClientCredentials() {
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", Fixtures.DASHBOARD)
        .post("/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unauthorized_client"));
  }

  @Test
  void unsupportedGrantIsRejected() {
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "authorization_code")
        .formParam("client_id", Fixtures.DASHBOARD)
        .post("/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unsupported_grant_type"));
  }

  private static String createClient(String clientId) {
    return given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("clientId", clientId, "name", "Test gateway", "scopes", List.of("ingest")))
        .post("/api/identity/clients")
        .then()
        .statusCode(201)
        .body("clientSecret", notNullValue())
        .body("type", equalTo("confidential"))
        .extract()
        .path("clientSecret");
  }
}
