package io.citypulse.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing, failures of upstreams, rate limits, request ids, security headers and CORS. */
@QuarkusTest
class RoutingTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** Path to expected upstream, one per route group. */
  private static final Map<String, String> ROUTES =
      Map.ofEntries(
          Map.entry("/.well-known/openid-configuration", "identity"),
          Map.entry("/oauth2/jwks", "identity"),
          Map.entry("/oauth2/userinfo", "identity"),
          Map.entry("/api/identity/me", "identity"),
          Map.entry("/api/buildings", "ingest"),
          Map.entry("/api/buildings/rathaus", "ingest"),
          Map.entry("/api/sensors/s-1/readings", "ingest"),
          Map.entry("/api/sensors/health", "ingest"),
          Map.entry("/api/readings/latest", "ingest"),
          Map.entry("/api/quarantine", "ingest"),
          Map.entry("/api/devices", "ingest"),
          Map.entry("/api/analytics/energy", "analytics"),
          Map.entry("/api/audit/events", "audit"));

  private final String adminToken = TestIssuer.get().user("routing-admin", "admin").sign();

  @Test
  void routesEveryGroupToItsService() {
    ROUTES.forEach(
        (path, service) ->
            given()
                .auth()
                .oauth2(adminToken)
                .when()
                .get(path + "?limit=5")
                .then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path))
                .body("query", equalTo("limit=5")));
  }

  @Test
  void forwardsTokenAndBodyUnchanged() {
    given()
        .auth()
        .oauth2(adminToken)
        .contentType("application/json")
        .body("{\"value\":21.5}")
        .when()
        .post("/api/ingest")
        .then()
        .statusCode(200)
        .body("service", equalTo("ingest"))
        .body("method", equalTo("POST"))
        .body("authorization", equalTo("Bearer " + adminToken))
        .body("body", equalTo("{\"value\":21.5}"));
  }

  @Test
  void tokenEndpointIgnoresStaleBearerToken() {
    given()
        .header("Authorization", "Bearer not-a-token")
        .formParam("grant_type", "password")
        .when()
        .post("/oauth2/token")
        .then()
        .statusCode(200)
        .body("service", equalTo("identity"));
  }

  @Test
  void rejectsInvalidTokenWithProblem() {
    String tampered = TestIssuer.get().user("routing-admin", "admin").signTampered();
    given()
        .auth()
        .oauth2(tampered)
        .when()
        .get("/api/buildings")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("requestId", notNullValue());
  }

  @Test
  void passesAndEchoesRequestId() {
    Response response =
        given()
            .header("X-Request-Id", "req-routing-1")
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
            .when()
            .get("/api/buildings");
    assertEquals(200, response.statusCode());
    assertEquals("req-routing-1", response.header("X-Request-Id"));
    assertEquals("req-routing-1", response.path("requestId"));
    String traceparent = response.path("traceparent");
    assertTrue(traceparent.startsWith("00-" + TRACE_ID + "-"), traceparent);
    assertNotEquals("00-" + TRACE_ID + "-00f067aa0ba902b7-01", traceparent);
  }

  @Test
  void createsRequestIdWhenMissingOrInvalid() {
    Response response = given().header("X-Request-Id", "bad id with spaces").get("/api/buildings");
    String created = response.header("X-Request-Id");
    assertNotNull(created);
    assertNotEquals("bad id with spaces", created);
    assertEquals(created, response.path("requestId"));
    String traceparent = response.path("traceparent");
    assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
  }

  @Test
  void addsSecurityHeaders() {
    for (String path : new String[] {"/api/buildings", "/api/status", "/api/alerts"}) {
      given()
          .when()
          .get(path)
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY")
          .header("Referrer-Policy", "no-referrer")
          .header("Strict-Transport-Security", containsString("max-age="))
          .header("Content-Security-Policy", containsString("default-src 'none'"));
    }
  }

  @Test
  void answersPreflightOfAllowedOrigin() {
    given()
        .header("Origin", "https://dashboard.hechingen.test")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "Authorization")
        .when()
        .options("/api/readings/latest")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://dashboard.hechingen.test")
        .header("Access-Control-Allow-Methods", containsString("GET"))
        .header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void refusesPreflightOfOtherOrigin() {
    Response response =
        given()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "GET")
            .when()
            .options("/api/readings/latest");
    assertEquals(403, response.statusCode());
    assertEquals(null, response.header("Access-Control-Allow-Origin"));
  }

  @Test
  void unconfiguredServiceAnswers503() {
    given()
        .auth()
        .oauth2(adminToken)
        .when()
        .get("/api/alerts")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("service", equalTo("alerting"))
        .body("detail", containsString("not configured"))
        .body("requestId", notNullValue());
  }

  @Test
  void stoppedServiceAnswers503() {
    Fakes.control("audit", "down");
    try {
      given()
          .auth()
          .oauth2(adminToken)
          .when()
          .get("/api/audit/events")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .body("service", equalTo("audit"))
          .body("requestId", notNullValue());
    } finally {
      Fakes.control("audit", "up");
    }
  }

  @Test
  void slowServiceAnswers504WithinTimeout() {
    long started = System.nanoTime();
    given()
        .when()
        .get("/api/analytics/slow")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("service", equalTo("analytics"))
        .body("timeoutMs", equalTo(1000));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 2500, "504 came after " + millis + " ms");
  }

  @Test
  void stalledBodyIsCutOff() {
    long started = System.nanoTime();
    // The status line and the first chunk are relayed. Then the gateway resets the exchange, so
    // the client sees a body that breaks off instead of a request that hangs.
    assertThrows(Exception.class, () -> given().get("/api/analytics/stall-body").asString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis >= 900, "cut off after " + millis + " ms, before the 1 s timeout");
    assertTrue(millis < 3000, "cut off after " + millis + " ms");
  }

  @Test
  void lostConnectionRetriedForIdempotentOnly() {
    given()
        .get("/api/analytics/drop-once?id=get-1")
        .then()
        .statusCode(200)
        .body("service", equalTo("analytics"))
        .body("query", equalTo("id=get-1"));

    given()
        .contentType("application/json")
        .body("{\"name\":\"x\"}")
        .post("/api/analytics/drop-once?id=post-1")
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("service", equalTo("analytics"));
  }

  @Test
  void circuitOpensAfterFailuresAndClosesAgain() throws InterruptedException {
    Fakes.control("flaky", "mode/fail");
    try {
      for (int i = 0; i < 3; i++) {
        given().get("/api/flaky/items").then().statusCode(503).header("X-Upstream", "flaky");
      }
      given()
          .get("/api/flaky/items")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", notNullValue())
          .body("service", equalTo("flaky"))
          .body("detail", containsString("circuit open"));
    } finally {
      Fakes.control("flaky", "mode/ok");
    }
    Thread.sleep(1200);
    given().get("/api/flaky/items").then().statusCode(200).body("service", equalTo("flaky"));
    given().get("/api/flaky/items").then().statusCode(200).body("service", equalTo("flaky"));
  }

  @Test
  void rateLimitAnswers429WithRetryAfter() {
    String token = TestIssuer.get().user("routing-limited", "analyst").sign();
    Response last = null;
    for (int i = 0; i < 5; i++) {
      last = given().auth().oauth2(token).get("/api/identity/limited");
      if (last.statusCode() == 429) {
        break;
      }
      assertEquals(200, last.statusCode());
    }
    assertEquals(429, last.statusCode());
    assertEquals("application/problem+json", last.contentType());
    assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
    assertEquals("limited", last.path("group"));
    // Another user has a bucket of their own.
    String other = TestIssuer.get().user("routing-limited-2", "analyst").sign();
    given().auth().oauth2(other).get("/api/identity/limited").then().statusCode(200);
  }

  @Test
  void servesDocsPageAndServiceDocuments() {
    given()
        .get("/api/docs")
        .then()
        .statusCode(200)
        .body(containsString("swagger-ui-bundle.js"))
        .header("Content-Security-Policy", containsString("script-src 'self'"));
    given()
        .get("/api/docs/init.js")
        .then()
        .statusCode(200)
        .body(containsString("/api/docs/ingest.json"));
    given()
        .get("/api/docs/ingest.json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("ingest"));
    String page = given().get("/api/docs").asString();
    String css = page.replaceAll("(?s).*href=\"([^\"]+swagger-ui.css)\".*", "$1");
    given().get(css).then().statusCode(200).time(lessThan(5000L));
    given()
        .get("/api/docs/nothing.json")
        .then()
        .statusCode(404)
        .body("requestId", matchesPattern(".+"));
  }
}
