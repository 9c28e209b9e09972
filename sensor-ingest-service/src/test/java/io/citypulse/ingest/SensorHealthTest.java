package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Sensors are judged by their own interval: with the defaults a sensor is late after two and
 * offline after five expected intervals without a reading.
 */
@QuarkusTest
class SensorHealthTest {

  @Test
  void judgesEachSensorByItsOwnInterval() {
    Fixtures.building("health-b", "Europe/Berlin", true);
    Fixtures.sensor("health-fresh", "health-b", "temperature", null, null);
    Fixtures.sensor("health-late", "health-b", "temperature", null, null);
    Fixtures.sensor("health-gone", "health-b", "temperature", null, null);
    Fixtures.sensor("health-never", "health-b", "temperature", null, null);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Fixtures.publish(
        "health-fresh", Fixtures.reading("health-fresh", now.minusSeconds(30), 20, "Cel"));
    Fixtures.publish(
        "health-late",
        Fixtures.reading("health-late", now.minus(Duration.ofMinutes(3)), 20, "Cel"));
    Fixtures.publish(
        "health-gone",
        Fixtures.reading("health-gone", now.minus(Duration.ofMinutes(20)), 20, "Cel"));
    Fixtures.awaitStored("health-fresh", 1);
    Fixtures.awaitStored("health-late", 1);
    Fixtures.awaitStored("health-gone", 1);

    Fixtures.asAdmin()
        .queryParam("buildingId", "health-b")
        .get("/api/sensors/health")
        .then()
        .statusCode(200)
        .body("totals.sensors", equalTo(4))
        .body("totals.online", equalTo(1))
        .body("totals.late", equalTo(1))
        .body("totals.offline", equalTo(2))
        .body("totals.offlineShare", equalTo(0.5f))
        .body("totals.silentOver10Minutes", equalTo(2))
        .body("sensors.find { it.sensorId == 'health-fresh' }.status", equalTo("online"))
        .body("sensors.find { it.sensorId == 'health-late' }.status", equalTo("late"))
        .body("sensors.find { it.sensorId == 'health-gone' }.status", equalTo("offline"))
        .body("sensors.find { it.sensorId == 'health-never' }.status", equalTo("offline"))
        .body("sensors.find { it.sensorId == 'health-never' }.lastSeen", equalTo(null));
  }

  @Test
  void meterWithLongIntervalIsStillOnline() {
    Fixtures.building("health-meter-b", "Europe/Berlin", true);
    Fixtures.asAdmin()
        .contentType("application/json")
        .body(
            "{\"buildingId\":\"health-meter-b\",\"metric\":\"energy\",\"expectedIntervalSeconds\":900}")
        .put("/api/sensors/health-meter")
        .then()
        .statusCode(201);
    Instant twentyMinutesAgo =
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
    Fixtures.publish(
        "health-meter", Fixtures.reading("health-meter", twentyMinutesAgo, 1234, "kWh"));
    Fixtures.awaitStored("health-meter", 1);

    Fixtures.asAdmin()
        .queryParam("buildingId", "health-meter-b")
        .get("/api/sensors/health")
        .then()
        .statusCode(200)
        .body("sensors[0].status", equalTo("online"))
        .body("totals.silentOver10Minutes", equalTo(1));
  }

  @Test
  void filtersByStatus() {
    Fixtures.building("health-filter-b", "Europe/Berlin", true);
    Fixtures.sensor("health-filter-never", "health-filter-b", "co2", null, null);

    Fixtures.asAdmin()
        .queryParam("buildingId", "health-filter-b")
        .queryParam("status", "online")
        .get("/api/sensors/health")
        .then()
        .statusCode(200)
        .body("sensors", hasSize(0))
        .body("totals.offline", equalTo(1));
    Fixtures.asAdmin()
        .queryParam("status", "sleepy")
        .get("/api/sensors/health")
        .then()
        .statusCode(400)
        .body("field", equalTo("status"));
  }
}
