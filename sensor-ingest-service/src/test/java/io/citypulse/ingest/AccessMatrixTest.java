package io.citypulse.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citypulse.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the service called as every role, as a machine client with the ingest scope,
 * anonymously, and with an expired, a foreign and a tampered token. The expected statuses are the
 * role matrix: buildings all or assigned or public, sensors read or read/write or none.
 *
 * <p>Buildings: {@code matrix-own} (not public, assigned to the Gebäudeverwalter), {@code
 * matrix-other} (not public, not assigned) and {@code matrix-public} (public, not assigned).
 */
@QuarkusTest
class AccessMatrixTest {

  /** Columns of the table, in this order. */
  private static final List<String> CALLERS =
      List.of(
          "admin",
          "techniker",
          "energiemanager",
          "gebaeudeverwalter",
          "buerger",
          "analyst",
          "gateway",
          "anonymous",
          "expired",
          "foreign",
          "tampered");

  private static final String SENSOR_BODY =
      "{\"buildingId\":\"matrix-own\",\"metric\":\"temperature\",\"expectedIntervalSeconds\":60}";

  /**
   * One row per endpoint: method, path, body, then the expected status per caller column. The same
   * numbers read across: 401 for no or a broken token, 403 for a role without the right, 404 for
   * what lies outside the caller's buildings.
   */
  private static final String[][] MATRIX = {
    // method, path, body, admin tech energy manager citizen analyst gateway anon expired foreign
    // tampered
    {"GET", "/api/buildings", null, "200 200 200 200 200 200 200 200 401 401 401"},
    {"GET", "/api/buildings/matrix-own", null, "200 200 200 200 404 200 404 404 401 401 401"},
    {"GET", "/api/buildings/matrix-other", null, "200 200 200 404 404 200 404 404 401 401 401"},
    {"GET", "/api/buildings/matrix-public", null, "200 200 200 404 200 200 200 200 401 401 401"},
    {
      "PUT",
      "/api/buildings/matrix-public",
      "{\"name\":\"Public\",\"public\":true}",
      "200 403 403 403 403 403 403 401 401 401 401"
    },
    {
      "POST",
      "/api/buildings",
      "{\"id\":\"matrix-public\",\"name\":\"Dup\"}",
      "409 403 403 403 403 403 403 401 401 401 401"
    },
    {"DELETE", "/api/buildings/matrix-none", null, "404 403 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/sensors", null, "200 200 200 200 403 200 403 401 401 401 401"},
    {
      "GET",
      "/api/sensors?buildingId=matrix-own",
      null,
      "200 200 200 200 403 200 403 401 401 401 401"
    },
    {
      "GET",
      "/api/sensors?buildingId=matrix-other",
      null,
      "200 200 200 404 403 200 403 401 401 401 401"
    },
    {"GET", "/api/sensors/matrix-own-temp", null, "200 200 200 200 403 200 403 401 401 401 401"},
    {"GET", "/api/sensors/matrix-other-temp", null, "200 200 200 404 403 200 403 401 401 401 401"},
    {
      "GET",
      "/api/sensors/matrix-own-temp/readings",
      null,
      "200 200 200 200 403 200 403 401 401 401 401"
    },
    {
      "GET",
      "/api/sensors/matrix-other-temp/readings",
      null,
      "200 200 200 404 403 200 403 401 401 401 401"
    },
    {
      "GET",
      "/api/sensors/matrix-own-temp/readings?from=2026-01-01T00:00:00Z&resolution=1d",
      null,
      "200 403 200 200 403 200 403 401 401 401 401"
    },
    {
      "PUT",
      "/api/sensors/matrix-own-temp",
      SENSOR_BODY,
      "200 200 403 403 403 403 403 401 401 401 401"
    },
    {
      "POST",
      "/api/sensors",
      "{\"id\":\"matrix-own-temp\",\"buildingId\":\"matrix-own\",\"metric\":\"temperature\",\"expectedIntervalSeconds\":60}",
      "409 409 403 403 403 403 403 401 401 401 401"
    },
    {"DELETE", "/api/sensors/matrix-none", null, "404 404 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/readings/latest", null, "200 200 200 200 403 200 403 401 401 401 401"},
    {
      "GET",
      "/api/readings/latest?buildingId=matrix-own",
      null,
      "200 200 200 200 403 200 403 401 401 401 401"
    },
    {
      "GET",
      "/api/readings/latest?buildingId=matrix-other",
      null,
      "200 200 200 404 403 200 403 401 401 401 401"
    },
    {"GET", "/api/sensors/health", null, "200 200 200 200 403 200 403 401 401 401 401"},
    {
      "GET",
      "/api/sensors/health?buildingId=matrix-other",
      null,
      "200 200 200 404 403 200 403 401 401 401 401"
    },
    {"GET", "/api/quarantine", null, "200 200 403 403 403 200 403 401 401 401 401"},
    {"GET", "/api/quarantine/999999999", null, "404 404 403 403 403 404 403 401 401 401 401"},
    {
      "POST",
      "/api/quarantine/999999999/replay",
      null,
      "404 404 403 403 403 403 403 401 401 401 401"
    },
    {
      "POST",
      "/api/quarantine/replay?sensorId=matrix-none",
      null,
      "200 200 403 403 403 403 403 401 401 401 401"
    },
    {"POST", "/api/ingest", "[]", "202 202 403 403 403 403 202 401 401 401 401"},
    {"GET", "/api/devices", null, "200 200 403 403 403 403 403 401 401 401 401"},
    {"GET", "/api/devices/70b3d57ed0000000", null, "404 404 403 403 403 403 403 401 401 401 401"},
    {
      "PUT",
      "/api/devices/70b3d57ed0000001",
      "{\"fields\":{}}",
      "201 200 403 403 403 403 403 401 401 401 401"
    },
    {
      "DELETE", "/api/devices/70b3d57ed0000002", null, "404 404 403 403 403 403 403 401 401 401 401"
    },
  };

  private final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeEach
  void registryAndTokens() {
    Fixtures.building("matrix-own", "Europe/Berlin", false);
    Fixtures.building("matrix-other", "Europe/Berlin", false);
    Fixtures.building("matrix-public", "Europe/Berlin", true);
    Fixtures.sensor("matrix-own-temp", "matrix-own", "temperature", null, null);
    Fixtures.sensor("matrix-other-temp", "matrix-other", "temperature", null, null);
    Fixtures.sensor("matrix-public-temp", "matrix-public", "temperature", null, null);
    TestIssuer issuer = TestIssuer.get();
    for (String role : List.of("admin", "techniker", "energiemanager", "buerger", "analyst")) {
      tokens.put(role, issuer.user("matrix-" + role, role).sign());
    }
    tokens.put(
        "gebaeudeverwalter",
        issuer.user("matrix-manager", "gebaeudeverwalter", "matrix-own").sign());
    tokens.put("gateway", issuer.client("hechingen-gateway", "ingest").sign());
    tokens.put("expired", issuer.user("matrix-admin", "admin").expired().sign());
    tokens.put("foreign", issuer.user("matrix-admin", "admin").signByOtherIssuer());
    tokens.put("tampered", issuer.user("matrix-admin", "admin").signTampered());
  }

  private RequestSpecification as(String caller) {
    RequestSpecification request = given();
    String token = tokens.get(caller);
    return token == null ? request : request.auth().oauth2(token);
  }

  @Test
  void endpointsMatchRoleMatrix() {
    List<String> mismatches = new ArrayList<>();
    for (String[] row : MATRIX) {
      String[] expected = row[3].split(" ");
      assertEquals(CALLERS.size(), expected.length, "columns of " + row[0] + " " + row[1]);
      for (int column = 0; column < CALLERS.size(); column++) {
        String caller = CALLERS.get(column);
        RequestSpecification request = as(caller);
        if (row[2] != null) {
          request = request.contentType("application/json").body(row[2]);
        }
        Response response = request.request(row[0], row[1]);
        int status = response.statusCode();
        if (status != Integer.parseInt(expected[column])) {
          mismatches.add(
              row[0]
                  + " "
                  + row[1]
                  + " as "
                  + caller
                  + ": expected "
                  + expected[column]
                  + ", got "
                  + status);
        }
        if (status >= 400) {
          assertEquals(
              "application/problem+json",
              response.contentType().split(";")[0],
              row[0] + " " + row[1] + " as " + caller + " must answer problem+json");
        }
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void buildingManagerNeverSeesAnotherBuildingsData() {
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
    Fixtures.publish(
        "matrix",
        Fixtures.reading("matrix-own-temp", at, 20.5, "Cel"),
        Fixtures.reading("matrix-other-temp", at, 23.5, "Cel"),
        Fixtures.reading("matrix-public-temp", at, 21.5, "Cel"));
    Fixtures.awaitStored("matrix-other-temp", 1);
    Fixtures.awaitStored("matrix-own-temp", 1);

    as("gebaeudeverwalter")
        .get("/api/buildings")
        .then()
        .statusCode(200)
        .body("id", hasItem("matrix-own"))
        .body("id", not(hasItem("matrix-other")))
        .body("id", not(hasItem("matrix-public")));
    as("gebaeudeverwalter")
        .get("/api/sensors")
        .then()
        .statusCode(200)
        .body("buildingId", everyItem(org.hamcrest.Matchers.equalTo("matrix-own")));
    as("gebaeudeverwalter")
        .get("/api/readings/latest")
        .then()
        .statusCode(200)
        .body("sensorId", hasItem("matrix-own-temp"))
        .body("buildingId", everyItem(org.hamcrest.Matchers.equalTo("matrix-own")));
    as("gebaeudeverwalter")
        .get("/api/sensors/health")
        .then()
        .statusCode(200)
        .body("sensors.buildingId", everyItem(org.hamcrest.Matchers.equalTo("matrix-own")));
    for (String resolution : List.of("raw", "1m", "15m", "1h", "1d")) {
      as("gebaeudeverwalter")
          .queryParam("resolution", resolution)
          .get("/api/sensors/matrix-other-temp/readings")
          .then()
          .statusCode(404);
    }
  }

  @Test
  void citizenSeesPublicBuildingsWithoutSensorIds() {
    as("buerger")
        .get("/api/buildings")
        .then()
        .statusCode(200)
        .body("id", hasItem("matrix-public"))
        .body("id", not(hasItem("matrix-own")))
        .body("findAll { it.containsKey('sensorId') }.size()", org.hamcrest.Matchers.equalTo(0));
    as("anonymous")
        .get("/api/buildings")
        .then()
        .statusCode(200)
        .body("id", hasItem("matrix-public"))
        .body("id", not(hasItem("matrix-other")));
  }

  @Test
  void unauthorizedAnswerNamesBearerScheme() {
    as("anonymous")
        .get("/api/sensors")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
  }
}
