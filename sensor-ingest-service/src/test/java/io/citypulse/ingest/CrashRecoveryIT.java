package io.citypulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.events.Topics;
import io.citypulse.infra.DatabaseLogin;
import io.citypulse.infra.FreePorts;
import io.citypulse.testsupport.SharedInfrastructure;
import io.citypulse.testsupport.TestDatabase;
import io.citypulse.testsupport.TestIssuer;
import io.citypulse.testsupport.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service as its own process, kills it with SIGKILL in the middle of a replay,
 * starts it again and checks that every reading is stored exactly once and every bad item is
 * quarantined exactly once.
 */
class CrashRecoveryIT {

  private static final String DATABASE = "citypulse_ingest_crash";
  private static final int SENSORS = 50;
  private static final int RECORDS = 4_000;
  private static final int ITEMS_PER_RECORD = 50;
  private static final int BAD_EVERY = 40;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String adminToken = TestIssuer.get().user("crash-admin", "admin").sign();
  private Process service;
  private int port;

  @AfterEach
  void stopService() {
    if (service != null) {
      service.destroyForcibly();
    }
  }

  @Test
  void killedServiceResumesWithoutLossOrDuplicates() throws Exception {
    DatabaseLogin login = SharedInfrastructure.get().database(DATABASE);
    TestDatabase db = TestDatabase.of(DATABASE);
    port = FreePorts.find();
    service = start(login, "first");
    registerSensors();

    List<byte[]> records = new ArrayList<>(RECORDS);
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
    long bad = 0;
    for (int record = 0; record < RECORDS; record++) {
      StringBuilder json = new StringBuilder("[");
      for (int item = 0; item < ITEMS_PER_RECORD; item++) {
        int sequence = record * ITEMS_PER_RECORD + item;
        String sensor = "crash-s" + (sequence % SENSORS);
        Instant at = start.plusSeconds(sequence / SENSORS);
        boolean isBad = sequence % BAD_EVERY == 0;
        bad += isBad ? 1 : 0;
        json.append(item == 0 ? "" : ",")
            .append("{\"sensorId\":\"")
            .append(isBad ? "crash-unknown" : sensor)
            .append("\",\"observedAt\":\"")
            .append(at)
            .append("\",\"value\":")
            .append(sequence % 30)
            .append('}');
      }
      records.add(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }
    long badItems = bad;
    long good = (long) RECORDS * ITEMS_PER_RECORD - badItems;
    TestKafka.publish(Topics.READINGS_RAW, "crash-gateway", records);

    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> db.queryLong("SELECT count(*) FROM readings") > good / 10);
    service.destroyForcibly().waitFor();
    long storedAtCrash = db.queryLong("SELECT count(*) FROM readings");
    assertTrue(storedAtCrash < good, "the crash must happen before the replay is complete");

    service = start(login, "second");
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> db.queryLong("SELECT count(*) FROM readings") >= good);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> db.queryLong("SELECT count(*) FROM quarantine") >= badItems);
    Thread.sleep(2000);

    assertEquals(good, db.queryLong("SELECT count(*) FROM readings"));
    assertEquals(
        good, db.queryLong("SELECT count(DISTINCT (sensor_id, observed_at)) FROM readings"));
    assertEquals(bad, db.queryLong("SELECT count(*) FROM quarantine"));
    assertEquals(SENSORS, db.queryLong("SELECT count(*) FROM latest_readings"));
  }

  private Process start(DatabaseLogin login, String run) throws IOException {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    Path log = Path.of("target", "crash-recovery-" + run + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", login.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", login.reactiveUrl());
    env.put("KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.get().kafkaBootstrapServers());
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", TestIssuer.get().issuer());
    // Small batches make the crash land between committed batches.
    env.put("MP_MESSAGING_INCOMING_READINGS_RAW_MAX_POLL_RECORDS", "50");
    Process process = builder.start();
    awaitReady(process, log);
    return process;
  }

  private void awaitReady(Process process, Path log) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "The service exited early; its log:\n" + Files.readString(log));
              }
              return status("/q/health/ready") == 200;
            });
  }

  private void registerSensors() throws Exception {
    put("/api/buildings/crash-b", "{\"name\":\"Crash test building\"}");
    for (int i = 0; i < SENSORS; i++) {
      put(
          "/api/sensors/crash-s" + i,
          "{\"buildingId\":\"crash-b\",\"metric\":\"temperature\",\"expectedIntervalSeconds\":60}");
    }
  }

  private void put(String path, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(response.statusCode() < 300, path + " answered " + response.body());
  }

  private int status(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
