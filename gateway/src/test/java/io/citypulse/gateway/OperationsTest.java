package io.citypulse.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.citypulse.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Aggregated health, the public status and the KPIs. */
@QuarkusTest
class OperationsTest {

  @Test
  void healthIsUpWhenAllServicesAre() {
    given()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("up"))
        .body("services.ingest.status", equalTo("up"))
        .body("services.identity.status", equalTo("up"));
  }

  @Test
  void healthAndStatusNameStoppedService() {
    Fakes.control("audit", "down");
    try {
      given()
          .get("/api/health")
          .then()
          .statusCode(503)
          .body("status", equalTo("down"))
          .body("down", hasItem("audit"))
          .body("services.audit.status", equalTo("down"))
          .body("services.ingest.status", equalTo("up"));
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  given()
                      .get("/api/status")
                      .then()
                      .statusCode(200)
                      .body("services.audit.status", equalTo("down"))
                      .body("services.audit.since", notNullValue())
                      .body("services.audit.history[0].status", equalTo("down")));
    } finally {
      Fakes.control("audit", "up");
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> given().get("/api/status").then().body("services.audit.status", equalTo("up")));
  }

  @Test
  void metricsRejectAnonymousAndBuerger() {
    given()
        .get("/api/metrics")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("requestId", notNullValue());
    String buerger = TestIssuer.get().user("ops-buerger", "buerger").sign();
    given()
        .auth()
        .oauth2(buerger)
        .get("/api/metrics")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("role", equalTo("buerger"));
  }

  @Test
  void metricsShowKpisToAdminAndTechniker() {
    String admin = TestIssuer.get().user("ops-admin", "admin").sign();
    for (int i = 0; i < 5; i++) {
      given().auth().oauth2(admin).get("/api/buildings").then().statusCode(200);
    }
    // The latency histogram of the ingest fake is read by the periodic probe.
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(admin)
                    .get("/api/metrics")
                    .then()
                    .statusCode(200)
                    .body("uptimeSeconds", notNullValue())
                    .body("windows.5m.requests", greaterThan(4))
                    .body("windows.5m.averageResponseTimeMs", notNullValue())
                    .body("windows.5m.p95ResponseTimeMs", notNullValue())
                    .body("windows.5m.errorRate", notNullValue())
                    .body("windows.5m.throughputPerMinute", greaterThan(0f))
                    .body("windows.5m.activeUsers", greaterThan(0))
                    .body("windows.5m.availability.ingest", equalTo(1.0f))
                    .body("windows.5m.sensorDataLatency.averageSeconds", equalTo(0.025f))
                    .body("windows.24h.requests", greaterThan(4)));
    String techniker = TestIssuer.get().user("ops-techniker", "techniker").sign();
    given().auth().oauth2(techniker).get("/api/metrics").then().statusCode(200);
  }

  @Test
  void sensorHealthPassesThrough() {
    String techniker = TestIssuer.get().user("ops-techniker", "techniker").sign();
    given()
        .auth()
        .oauth2(techniker)
        .get("/api/sensors/health")
        .then()
        .statusCode(200)
        .body("service", equalTo("ingest"));
  }

  @Test
  void prometheusMetricsExposed() {
    given().get("/api/buildings");
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("citypulse_gateway_requests_seconds_count"));
  }
}
