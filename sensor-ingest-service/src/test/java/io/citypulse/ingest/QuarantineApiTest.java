package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuarantineApiTest {

  private static long quarantineId(String sensorId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Fixtures.DB.queryLong(
                        "SELECT count(*) FROM quarantine WHERE sensor_id = ?", sensorId)
                    > 0);
    return Fixtures.DB.queryLong("SELECT min(id) FROM quarantine WHERE sensor_id = ?", sensorId);
  }

  @Test
  void replayStoresReadingOnceSensorExists() {
    Fixtures.building("qapi-b", "Europe/Berlin", true);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(90);
    Fixtures.publish("qapi-late-sensor", Fixtures.reading("qapi-late-sensor", at, 19.5, "Cel"));
    long id = quarantineId("qapi-late-sensor");

    Fixtures.asAdmin()
        .queryParam("sensorId", "qapi-late-sensor")
        .get("/api/quarantine")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].reasonCode", equalTo("unknown_sensor"))
        .body("items[0].status", equalTo("open"));

    Fixtures.asAdmin()
        .post("/api/quarantine/" + id + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("rejected"))
        .body("reasonCode", equalTo("unknown_sensor"));

    Fixtures.sensor("qapi-late-sensor", "qapi-b", "temperature", null, null);
    Fixtures.asAdmin()
        .post("/api/quarantine/" + id + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("stored"))
        .body("stored", equalTo(1));

    assertEquals(1, Fixtures.storedReadings("qapi-late-sensor"));
    Fixtures.asAdmin()
        .get("/api/quarantine/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("replayed"))
        .body("replayCount", equalTo(2));
    Fixtures.asAdmin()
        .post("/api/quarantine/" + id + "/replay")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://citypulse.io/problems/already-replayed"));
  }

  @Test
  void bulkReplayByFilter() {
    Fixtures.building("qapi-bulk", "Europe/Berlin", true);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    Fixtures.publish(
        "qapi-bulk-co2",
        Fixtures.reading("qapi-bulk-co2", at, 500, "ppm"),
        Fixtures.reading("qapi-bulk-co2", at.plusSeconds(60), 510, "ppm"),
        Fixtures.reading("qapi-bulk-co2", at.plusSeconds(120), 520, "ppm"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Fixtures.DB.queryLong(
                        "SELECT count(*) FROM quarantine WHERE sensor_id = 'qapi-bulk-co2'")
                    == 3);
    Fixtures.sensor("qapi-bulk-co2", "qapi-bulk", "co2", 0.0, 5000.0);

    Fixtures.asAdmin()
        .queryParam("sensorId", "qapi-bulk-co2")
        .queryParam("reason", "unknown_sensor")
        .post("/api/quarantine/replay")
        .then()
        .statusCode(200)
        .body("replayed", equalTo(3))
        .body("stored", equalTo(3))
        .body("stillRejected", equalTo(0));

    assertEquals(3, Fixtures.storedReadings("qapi-bulk-co2"));
    Fixtures.asAdmin()
        .queryParam("sensorId", "qapi-bulk-co2")
        .get("/api/quarantine")
        .then()
        .body("items", hasSize(0));
    Fixtures.asAdmin()
        .queryParam("sensorId", "qapi-bulk-co2")
        .queryParam("status", "replayed")
        .get("/api/quarantine")
        .then()
        .body("items", hasSize(3));
  }

  @Test
  void truncatedPayloadCannotBeReplayed() {
    char[] filler = new char[2 * 1024 * 1024];
    Arrays.fill(filler, 'y');
    Fixtures.publish(
        "qapi-huge", "{\"sensorId\":\"qapi-huge-9c\",\"x\":\"" + new String(filler) + "\"}");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Fixtures.quarantined("record_too_large", "qapi-huge-9c") == 1);
    long id =
        Fixtures.DB.queryLong("SELECT id FROM quarantine WHERE raw_payload LIKE '%qapi-huge-9c%'");

    Fixtures.asAdmin()
        .post("/api/quarantine/" + id + "/replay")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://citypulse.io/problems/payload-truncated"));
  }

  @Test
  void rejectsUnknownReasonFilter() {
    Fixtures.asAdmin()
        .queryParam("reason", "bad_vibes")
        .get("/api/quarantine")
        .then()
        .statusCode(400)
        .body("field", equalTo("reason"))
        .body("value", equalTo("bad_vibes"));
  }

  @Test
  void rejectsPageSizeOutOfRange() {
    Fixtures.asAdmin()
        .queryParam("size", 5000)
        .get("/api/quarantine")
        .then()
        .statusCode(400)
        .body("field", equalTo("size"));
  }

  @Test
  void unknownEntryIsNotFound() {
    Fixtures.asAdmin().post("/api/quarantine/999999999/replay").then().statusCode(404);
  }
}
