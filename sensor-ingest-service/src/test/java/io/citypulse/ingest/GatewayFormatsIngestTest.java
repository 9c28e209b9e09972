package io.citypulse.ingest;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.ingest.reading.format.FormatFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SenML, The Things Stack and ChirpStack records through Kafka into storage and quarantine. */
@QuarkusTest
class GatewayFormatsIngestTest {

  private static final String BUILDING = "formats-b";
  private static final String ELSYS_EUI = "A81758FFFE000001";
  private static final String EM300_EUI = "24e124136b000002";

  @BeforeEach
  void registry() {
    Fixtures.building(BUILDING, "Europe/Berlin", true);
    Fixtures.sensor("formats-senml-temp", BUILDING, "temperature", -30.0, 60.0);
    Fixtures.sensor("formats-senml-hum", BUILDING, "humidity", 0.0, 100.0);
    Fixtures.sensor("formats-ers-temp", BUILDING, "temperature", -30.0, 60.0);
    Fixtures.sensor("formats-ers-co2", BUILDING, "co2", 0.0, 10000.0);
    Fixtures.sensor("formats-em300-temp", BUILDING, "temperature", -30.0, 60.0);
    Fixtures.sensor("formats-marker-temp", BUILDING, "temperature", -30.0, 60.0);
  }

  private static Instant recent(long secondsAgo) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(secondsAgo);
  }

  /**
   * Puts a device mapping; a null status accepts 200 and 201, as on a rerun against one database.
   */
  private static void putDevice(String devEui, Map<String, Object> fields, Integer status) {
    Fixtures.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("fields", fields))
        .put("/api/devices/" + devEui)
        .then()
        .statusCode(status == null ? anyOf(is(200), is(201)) : is(status));
  }

  private static Map<String, Object> field(String sensorId, String unit) {
    return Map.of("sensorId", sensorId, "unit", unit);
  }

  private static double latestValue(String sensorId) {
    return Fixtures.asAdmin()
        .queryParam("buildingId", BUILDING)
        .get("/api/readings/latest")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("find { it.sensorId == '" + sensorId + "' }.value");
  }

  /** Publishes a bad record, then a valid marker reading that proves the bad one was consumed. */
  private static void publishThenMarker(String badRecord) {
    long before = Fixtures.storedReadings("formats-marker-temp");
    Instant marker = recent(20).minusMillis(System.nanoTime() % 1_000_000);
    Fixtures.publish(
        "gateway-formats", badRecord, Fixtures.reading("formats-marker-temp", marker, 20.0, "Cel"));
    Fixtures.awaitStored("formats-marker-temp", before + 1);
  }

  @Test
  void storesSenmlPackWithBaseFields() {
    long bt = recent(90).getEpochSecond();
    String pack =
        "[{\"bn\":\"formats-senml-\",\"bt\":"
            + bt
            + ",\"bu\":\"Cel\",\"n\":\"temp\",\"v\":21.25},"
            + "{\"n\":\"hum\",\"u\":\"%RH\",\"t\":-30,\"v\":44.5}]";

    Fixtures.publish("senml-gateway", pack);

    Fixtures.awaitStored("formats-senml-temp", 1);
    Fixtures.awaitStored("formats-senml-hum", 1);
    assertEquals(21.25, latestValue("formats-senml-temp"));
    assertEquals(44.5, latestValue("formats-senml-hum"));
    Fixtures.asAdmin()
        .queryParam("buildingId", BUILDING)
        .get("/api/readings/latest")
        .then()
        .body(
            "find { it.sensorId == 'formats-senml-hum' }.observedAt",
            equalTo(Instant.ofEpochSecond(bt - 30).toString()));
  }

  @Test
  void storesThingsStackUplinkOfMappedDevice() {
    putDevice(
        ELSYS_EUI,
        Map.of(
            "temperature", field("formats-ers-temp", "Cel"),
            "co2", field("formats-ers-co2", "ppm")),
        null);
    Instant received = recent(45).plusNanos(123_456_789);
    ObjectNode uplink = (ObjectNode) FormatFixtures.json("ttn/elsys-ers-co2.json");
    ((ObjectNode) uplink.get("uplink_message")).put("received_at", received.toString());
    uplink.put("received_at", received.plusMillis(200).toString());
    double unmappedBefore = unmappedFields("ttn-v3");

    Fixtures.publish(ELSYS_EUI, uplink.toString());

    Fixtures.awaitStored("formats-ers-co2", 1);
    Fixtures.awaitStored("formats-ers-temp", 1);
    assertEquals(776.0, latestValue("formats-ers-co2"));
    assertEquals(22.6, latestValue("formats-ers-temp"), 1e-9);
    Fixtures.asAdmin()
        .queryParam("buildingId", BUILDING)
        .get("/api/readings/latest")
        .then()
        .body(
            "find { it.sensorId == 'formats-ers-co2' }.observedAt",
            equalTo(received.truncatedTo(ChronoUnit.MICROS).toString()));
    // humidity, light and motion of the Elsys payload map to no sensor.
    assertTrue(unmappedFields("ttn-v3") >= unmappedBefore + 3);
  }

  @Test
  void storesChirpStackUpEventOfMappedDevice() {
    putDevice(
        EM300_EUI.toUpperCase(), Map.of("temperature", field("formats-em300-temp", "Cel")), null);
    Instant time = recent(75);
    ObjectNode up = (ObjectNode) FormatFixtures.json("chirpstack/milesight-em300-th.json");
    up.put("time", time.toString().replace("Z", "+00:00"));

    Fixtures.publish(EM300_EUI, up.toString());

    Fixtures.awaitStored("formats-em300-temp", 1);
    assertEquals(20.0, latestValue("formats-em300-temp"));
  }

  @Test
  void quarantinesUnknownDeviceOnce() {
    ObjectNode up = (ObjectNode) FormatFixtures.json("chirpstack/milesight-am319.json");
    ((ObjectNode) up.get("deviceInfo")).put("devEui", "24e1247100fe0099");
    up.put("time", recent(10).toString());

    publishThenMarker(up.toString());

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Fixtures.quarantined("unknown_device", "24e1247100fe0099") >= 1);
    assertEquals(1, Fixtures.quarantined("unknown_device", "24e1247100fe0099"));
  }

  @Test
  void quarantinesSenmlPackWithUnderscoreField() {
    String pack =
        "[{\"bn\":\"formats-senml-\",\"n\":\"temp\",\"v\":19.5,\"note\":\"must-7c1d\"},"
            + "{\"n\":\"hum\",\"v\":50,\"crit_\":true}]";
    long temperaturesBefore = Fixtures.storedReadings("formats-senml-temp");

    publishThenMarker(pack);

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Fixtures.quarantined("unknown_mandatory_field", "must-7c1d") == 1);
    assertEquals(temperaturesBefore, Fixtures.storedReadings("formats-senml-temp"));
  }

  @Test
  void deviceApiStoresAndListsMappings() {
    String devEui = "70B3D57BA00000AA";
    putDevice(devEui, Map.of("air_temperature.value", field("formats-ers-temp", "°C")), 201);
    putDevice(devEui, Map.of("air_temperature.value", field("formats-ers-temp", "°C")), 200);

    Fixtures.asAdmin()
        .get("/api/devices/" + devEui.toLowerCase())
        .then()
        .statusCode(200)
        .body("devEui", equalTo("70b3d57ba00000aa"))
        .body("fields.'air_temperature.value'.sensorId", equalTo("formats-ers-temp"))
        .body("fields.'air_temperature.value'.unit", equalTo("°C"));
    Fixtures.asAdmin()
        .get("/api/devices")
        .then()
        .statusCode(200)
        .body("devEui", hasItem("70b3d57ba00000aa"));
  }

  @Test
  void deviceApiRejectsUnknownSensorAndUnit() {
    putDevice(
        "70B3D57BA00000AB", Map.of("temperature", field("formats-no-such-sensor", "Cel")), 400);
    putDevice("70B3D57BA00000AB", Map.of("temperature", field("formats-ers-temp", "ppm")), 400);
    putDevice("not-an-eui", Map.of(), 400);
    Fixtures.asAdmin().get("/api/devices/70B3D57BA00000AB").then().statusCode(404);
  }

  private static double unmappedFields(String format) {
    String metrics =
        Fixtures.asAdmin().get("/q/metrics").then().statusCode(200).extract().asString();
    String prefix = "citypulse_ingest_unmapped_fields_total{format=\"" + format + "\"";
    return metrics
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
