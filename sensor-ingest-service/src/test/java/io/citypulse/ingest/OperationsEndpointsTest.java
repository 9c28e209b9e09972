package io.citypulse.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
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
        .body(containsString("Reactive PostgreSQL"));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsExposeIngestCounters() {
    Fixtures.building("metrics-b", "Europe/Berlin", true);
    Fixtures.sensor("metrics-temp", "metrics-b", "temperature", null, null);
    Fixtures.publish(
        "metrics-temp",
        Fixtures.reading(
            "metrics-temp",
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5),
            20,
            "Cel"));
    Fixtures.awaitStored("metrics-temp", 1);

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("citypulse_readings_stored_total"))
        .body(containsString("citypulse_readings_duplicates_total"))
        .body(containsString("citypulse_readings_quarantined_total{reason=\"unknown_sensor\"}"))
        .body(containsString("citypulse_ingest_batch_size"))
        .body(containsString("citypulse_ingest_observed_to_stored_seconds_bucket"))
        .body(containsString("citypulse_ingest_received_to_stored_seconds_bucket"))
        .body(containsString("kafka_consumer_fetch_manager_records_lag"));
  }

  @Test
  void sensorGaugesAreRefreshed() {
    Fixtures.building("metrics-gauge-b", "Europe/Berlin", true);
    Fixtures.sensor("metrics-gauge-never", "metrics-gauge-b", "co2", null, null);

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                gauge(given().get("/q/metrics").asString(), "citypulse_sensors{status=\"offline\"}")
                    >= 1);
  }

  private static double gauge(String metrics, String series) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return -1;
  }
}
