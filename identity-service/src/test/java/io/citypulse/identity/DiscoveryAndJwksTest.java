package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryAndJwksTest {

  @ConfigProperty(name = "citypulse.identity.issuer")
  String issuer;

  @Test
  void discoveryDeclaresEndpointsAndGrants() {
    given()
        .get("/.well-known/openid-configuration")
        .then()
        .statusCode(200)
        .body("issuer", equalTo(issuer))
        .body("token_endpoint", equalTo(issuer + "/oauth2/token"))
        .body("jwks_uri", equalTo(issuer + "/oauth2/jwks"))
        .body("userinfo_endpoint", endsWith("/oauth2/userinfo"))
        .body("revocation_endpoint", endsWith("/oauth2/revoke"))
        .body("grant_types_supported", hasItems("password", "refresh_token", "client_credentials"))
        .body("id_token_signing_alg_values_supported", hasItem("RS256"))
        .body(
            "citypulse_roles",
            contains(
                "admin", "techniker", "energiemanager", "gebaeudeverwalter", "buerger", "analyst"));
  }

  @Test
  void jwksKeyIdIsRfc7638Thumbprint() throws Exception {
    String body = given().get("/oauth2/jwks").then().statusCode(200).extract().asString();

    JWKSet set = JWKSet.parse(body);
    assertFalse(set.getKeys().isEmpty());
    for (var key : set.getKeys()) {
      RSAKey rsa = key.toRSAKey();
      assertEquals(rsa.computeThumbprint("SHA-256").toString(), rsa.getKeyID());
      assertFalse(rsa.isPrivate(), "JWKS must not contain private key parts");
      assertEquals("RS256", rsa.getAlgorithm().getName());
    }
  }
}
