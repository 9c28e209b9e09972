package io.citypulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpIngestTest {

  @Test
  void acceptsArrayAndReportsCounts() {
    Fixtures.building("http-b", "Europe/Berlin", true);
    Fixtures.sensor("http-temp", "http-b", "temperature", -30.0, 60.0);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    String body =
        "["
            + Fixtures.reading("http-temp", at, 20.1, "Cel")
            + ","
            + Fixtures.reading("http-temp", at.plusSeconds(10), 20.2, "Cel")
            + ","
            + Fixtures.reading("http-unknown-7a", at, 1, "Cel")
            + "]";

    Fixtures.asAdmin()
        .contentType("application/json")
        .body(body)
        .post("/api/ingest")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(0))
        .body("quarantined", equalTo(1))
        .body("rejections", hasSize(1))
        .body("rejections[0].reasonCode", equalTo("unknown_sensor"));

    assertEquals(2, Fixtures.storedReadings("http-temp"));

    Fixtures.asAdmin()
        .contentType("application/json")
        .body(body)
        .post("/api/ingest")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(2));
    assertEquals(2, Fixtures.storedReadings("http-temp"));
  }

  @Test
  void quarantinesMalformedBody() {
    Fixtures.asAdmin()
        .contentType("application/json")
        .body("this is not json http-garbage-1f")
        .post("/api/ingest")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(0))
        .body("quarantined", equalTo(1))
        .body("rejections[0].reasonCode", equalTo("malformed_json"));
    assertEquals(1, Fixtures.quarantined("malformed_json", "http-garbage-1f"));
  }

  @Test
  void rejectsBodyOverLimit() {
    char[] filler = new char[1024 * 1024 + 10];
    Arrays.fill(filler, 'z');

    Fixtures.asAdmin()
        .contentType("application/json")
        .body("{\"x\":\"" + new String(filler) + "\"}")
        .post("/api/ingest")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("limit", equalTo(1048576));
  }
}
