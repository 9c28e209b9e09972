package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citypulse.access.Role;
import io.citypulse.identity.key.SigningKey;
import io.citypulse.identity.key.SigningKeys;
import io.citypulse.identity.user.User;
import io.citypulse.testsupport.TestIssuer;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of identity-service that needs a login, called as each role, anonymously, and with
 * an expired token (signed by this service's own key), a token of another issuer and a tampered
 * token. Operations that change data target an id that does not exist, so an admin gets 404 where
 * another role gets 403.
 */
@QuarkusTest
class AccessMatrixTest {

  private static final List<String> CALLERS =
      List.of(
          "admin",
          "techniker",
          "energiemanager",
          "gebaeudeverwalter",
          "buerger",
          "analyst",
          "anonymous",
          "expired",
          "foreign",
          "tampered");

  private static final String NONE = UUID.randomUUID().toString();

  /** Method, path, body, then the expected status per caller column, in the order above. */
  private static final String[][] MATRIX = {
    {"GET", "/api/identity/me", null, "200 200 200 200 200 200 401 401 401 401"},
    {"GET", "/oauth2/userinfo", null, "200 200 200 200 200 200 401 401 401 401"},
    {"GET", "/api/identity/users", null, "200 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/identity/users/" + NONE, null, "404 403 403 403 403 403 401 401 401 401"},
    {
      "PATCH",
      "/api/identity/users/" + NONE,
      "{\"role\":\"buerger\"}",
      "404 403 403 403 403 403 401 401 401 401"
    },
    {
      "POST",
      "/api/identity/users/" + NONE + "/unlock",
      null,
      "404 403 403 403 403 403 401 401 401 401"
    },
    {
      "POST",
      "/api/identity/users/" + NONE + "/reactivate",
      null,
      "404 403 403 403 403 403 401 401 401 401"
    },
    {"POST", "/api/identity/lockdown?dryRun=true", null, "200 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/identity/clients", null, "200 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/identity/keys", null, "200 403 403 403 403 403 401 401 401 401"},
  };

  private final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeEach
  void tokens() {
    User admin = Fixtures.user(Role.ADMIN);
    tokens.put("admin", Fixtures.login(admin).getString("access_token"));
    for (Role role : List.of(Role.TECHNIKER, Role.ENERGIEMANAGER, Role.BUERGER, Role.ANALYST)) {
      tokens.put(role.id(), Fixtures.login(Fixtures.user(role)).getString("access_token"));
    }
    tokens.put(
        "gebaeudeverwalter",
        Fixtures.login(Fixtures.user(Role.GEBAEUDEVERWALTER, "rathaus")).getString("access_token"));
    tokens.put("expired", expiredToken(admin));
    tokens.put(
        "foreign", TestIssuer.get().user(admin.id().toString(), "admin").signByOtherIssuer());
    tokens.put("tampered", tampered(tokens.get("admin")));
  }

  /** Signs an admin token with this service's active key that expired an hour ago. */
  private static String expiredToken(User admin) {
    SigningKey key = Arc.container().instance(SigningKeys.class).get().active();
    String issuer = given().get("/.well-known/openid-configuration").jsonPath().getString("issuer");
    Instant issuedAt = Instant.now().minus(Duration.ofHours(2));
    return Jwt.issuer(issuer)
        .subject(admin.id().toString())
        .claim("email", admin.email())
        .groups(Set.of("admin"))
        .claim("buildings", List.of())
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plus(Duration.ofHours(1)))
        .jws()
        .algorithm(SignatureAlgorithm.RS256)
        .keyId(key.kid())
        .sign(key.privateKey());
  }

  /** Changes the payload's subject, keeping the original signature. */
  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + NONE + "\"");
    assertEquals(false, forged.equals(payload), "the subject must have been replaced");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private RequestSpecification as(String caller) {
    String token = tokens.get(caller);
    return token == null ? given() : given().auth().oauth2(token);
  }

  @Test
  void endpointsMatchRoleMatrix() {
    List<String> mismatches = new ArrayList<>();
    for (String[] row : MATRIX) {
      String[] expected = row[3].split(" ");
      assertEquals(CALLERS.size(), expected.length, "columns of " + row[0] + " " + row[1]);
      for (int column = 0; column < CALLERS.size(); column++) {
        RequestSpecification request = as(CALLERS.get(column));
        if (row[2] != null) {
          request = request.contentType("application/json").body(row[2]);
        }
        Response response = request.request(row[0], row[1]);
        if (response.statusCode() != Integer.parseInt(expected[column])) {
          mismatches.add(
              row[0]
                  + " "
                  + row[1]
                  + " as "
                  + CALLERS.get(column)
                  + ": expected "
                  + expected[column]
                  + ", got "
                  + response.statusCode());
        }
      }
    }
    assertEquals(List.of(), mismatches);
  }
}
