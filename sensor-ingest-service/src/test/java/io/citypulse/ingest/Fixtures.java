package io.citypulse.ingest;

import static io.restassured.RestAssured.given;

import io.citypulse.events.Topics;
import io.citypulse.testsupport.TestDatabase;
import io.citypulse.testsupport.TestIssuer;
import io.citypulse.testsupport.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;

/** Registry fixtures and helpers shared by the tests; each test uses its own ids. */
final class Fixtures {

  static final TestDatabase DB = TestDatabase.of(IngestTestResources.DATABASE);

  /** Returns an admin's access token from the test issuer, valid for five minutes. */
  static String adminToken() {
    return TestIssuer.get().user("test-admin", "admin").sign();
  }

  /** Starts a request as an admin, who may call every endpoint of this service. */
  static RequestSpecification asAdmin() {
    return given().auth().oauth2(adminToken());
  }

  private Fixtures() {}

  static void building(String id, String timeZone, boolean isPublic) {
    asAdmin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Building " + id,
                "address",
                "Marktplatz 1, 72379 Hechingen",
                "timeZone",
                timeZone,
                "public",
                isPublic))
        .put("/api/buildings/" + id)
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }

  static void sensor(String id, String buildingId, String metric, Double min, Double max) {
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("buildingId", buildingId);
    body.put("name", "Sensor " + id);
    body.put("metric", metric);
    body.put("expectedIntervalSeconds", 60);
    body.put("minValue", min);
    body.put("maxValue", max);
    asAdmin()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/sensors/" + id)
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }

  static String reading(String sensorId, Instant observedAt, double value, String unit) {
    return "{\"sensorId\":\""
        + sensorId
        + "\",\"observedAt\":\""
        + observedAt
        + "\",\"value\":"
        + value
        + ",\"unit\":\""
        + unit
        + "\"}";
  }

  static void publish(String key, String... records) {
    TestKafka.publishText(Topics.READINGS_RAW, key, records);
  }

  static long storedReadings(String sensorId) {
    return DB.queryLong("SELECT count(*) FROM readings WHERE sensor_id = ?", sensorId);
  }

  static long quarantined(String reasonCode, String marker) {
    return DB.queryLong(
        "SELECT count(*) FROM quarantine WHERE reason_code = ? AND raw_payload LIKE ?",
        reasonCode,
        "%" + marker + "%");
  }

  static void awaitStored(String sensorId, long expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> storedReadings(sensorId) >= expected);
  }
}
