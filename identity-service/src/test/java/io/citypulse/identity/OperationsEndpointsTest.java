package io.citypulse.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void readinessIsUpWithDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("Kafka"))
        .body(containsString("Database connections health check"));
  }

  @Test
  void metricsCountLoginsAndTokens() {
    User user = Fixtures.user(Role.BUERGER);
    Fixtures.login(user);
    Fixtures.passwordGrant(user.email(), "Wrong-Password-000");

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("citypulse_identity_logins_total{outcome=\"succeeded\""))
        .body(containsString("citypulse_identity_logins_total{outcome=\"failed\""))
        .body(containsString("citypulse_identity_tokens_issued_total{grant_type=\"password\""))
        .body(containsString("citypulse_identity_lockouts_total"));
  }
}
