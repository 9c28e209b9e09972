package io.citypulse.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryResourceTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  private static Map<String, Object> sensorBody(String buildingId, String metric) {
    Map<String, Object> body = new HashMap<>();
    body.put("buildingId", buildingId);
    body.put("metric", metric);
    body.put("expectedIntervalSeconds", 60);
    return body;
  }

  @Test
  void createsReadsAndListsBuilding() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("id", "reg-rathaus", "name", "Rathaus", "address", "Marktplatz 1"))
        .post("/api/buildings")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/buildings/reg-rathaus"))
        .body("timeZone", equalTo("Europe/Berlin"))
        .body("public", equalTo(false));

    Fixtures.asAdmin()
        .get("/api/buildings/reg-rathaus")
        .then()
        .statusCode(200)
        .body("name", equalTo("Rathaus"));
    Fixtures.asAdmin()
        .get("/api/buildings")
        .then()
        .statusCode(200)
        .body("id", hasItem("reg-rathaus"));
  }

  @Test
  void postOfExistingBuildingIsConflict() {
    Fixtures.building("reg-dup", "Europe/Berlin", true);

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("id", "reg-dup", "name", "Again"))
        .post("/api/buildings")
        .then()
        .statusCode(409)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo("https://citypulse.io/problems/building-exists"));
  }

  @Test
  void putReplacesBuilding() {
    Fixtures.building("reg-put", "Europe/Berlin", false);

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Stadthalle", "timeZone", "Europe/Vienna", "public", true))
        .put("/api/buildings/reg-put")
        .then()
        .statusCode(200)
        .body("name", equalTo("Stadthalle"))
        .body("timeZone", equalTo("Europe/Vienna"))
        .body("public", equalTo(true));
  }

  @Test
  void rejectsInvalidTimeZone() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "X", "timeZone", "Mars/Olympus"))
        .put("/api/buildings/reg-tz")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("field", equalTo("timeZone"))
        .body("value", equalTo("Mars/Olympus"))
        .body("expected", containsString("IANA"));
  }

  @Test
  void rejectsInvalidBuildingId() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "X"))
        .put("/api/buildings/Bad_Id")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo("id"))
        .body("errors[0].value", equalTo("Bad_Id"));
  }

  @Test
  void rejectsMissingName() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("address", "Somewhere"))
        .put("/api/buildings/reg-noname")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo("name"));
  }

  @Test
  void rejectsMalformedJsonBody() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"name\": ")
        .put("/api/buildings/reg-malformed")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON);
  }

  @Test
  void unknownBuildingIsNotFound() {
    Fixtures.asAdmin()
        .get("/api/buildings/reg-missing")
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON)
        .body("id", equalTo("reg-missing"));
  }

  @Test
  void sensorCrudRoundTrip() {
    Fixtures.building("reg-sensors", "Europe/Berlin", true);
    Map<String, Object> body = sensorBody("reg-sensors", "co2");
    body.put("id", "reg-sensors-co2");
    body.put("minValue", 0);
    body.put("maxValue", 5000);

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/sensors")
        .then()
        .statusCode(201)
        .body("unit", equalTo("ppm"));
    Fixtures.asAdmin()
        .queryParam("buildingId", "reg-sensors")
        .get("/api/sensors")
        .then()
        .statusCode(200)
        .body("id", hasItem("reg-sensors-co2"));
    Fixtures.asAdmin().delete("/api/sensors/reg-sensors-co2").then().statusCode(204);
    Fixtures.asAdmin().get("/api/sensors/reg-sensors-co2").then().statusCode(404);
  }

  @Test
  void rejectsUnknownMetric() {
    Fixtures.building("reg-metric", "Europe/Berlin", true);

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(sensorBody("reg-metric", "radiation"))
        .put("/api/sensors/reg-metric-x")
        .then()
        .statusCode(400)
        .body("field", equalTo("metric"))
        .body("value", equalTo("radiation"))
        .body("expected", containsString("temperature"));
  }

  @Test
  void rejectsNonCanonicalUnit() {
    Fixtures.building("reg-unit", "Europe/Berlin", true);
    Map<String, Object> body = sensorBody("reg-unit", "temperature");
    body.put("unit", "degF");

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/sensors/reg-unit-temp")
        .then()
        .statusCode(400)
        .body("field", equalTo("unit"))
        .body("expected", containsString("Cel"));
  }

  @Test
  void rejectsInvertedRange() {
    Fixtures.building("reg-range", "Europe/Berlin", true);
    Map<String, Object> body = sensorBody("reg-range", "humidity");
    body.put("minValue", 80);
    body.put("maxValue", 20);

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/sensors/reg-range-hum")
        .then()
        .statusCode(400)
        .body("field", equalTo("minValue"));
  }

  @Test
  void rejectsSensorOfUnknownBuilding() {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(sensorBody("reg-nowhere", "temperature"))
        .put("/api/sensors/reg-nowhere-temp")
        .then()
        .statusCode(400)
        .body("field", equalTo("buildingId"))
        .body("value", equalTo("reg-nowhere"));
  }

  @Test
  void rejectsMissingInterval() {
    Fixtures.building("reg-interval", "Europe/Berlin", true);
    Map<String, Object> body = sensorBody("reg-interval", "temperature");
    body.remove("expectedIntervalSeconds");

    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/sensors/reg-interval-temp")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("expectedIntervalSeconds"));
  }

  @Test
  void buildingWithSensorsCannotBeDeleted() {
    Fixtures.building("reg-keep", "Europe/Berlin", true);
    Fixtures.sensor("reg-keep-temp", "reg-keep", "temperature", null, null);

    Fixtures.asAdmin()
        .delete("/api/buildings/reg-keep")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://citypulse.io/problems/building-has-sensors"));
  }

  @Test
  void emptyBuildingCanBeDeleted() {
    Fixtures.building("reg-gone", "Europe/Berlin", true);

    Fixtures.asAdmin().delete("/api/buildings/reg-gone").then().statusCode(204);
    Fixtures.asAdmin().get("/api/buildings/reg-gone").then().statusCode(404);
  }
}
