package io.citypulse.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The benchmark's building and sensors in the registry. Ingested readings use sensors {@code
 * bench-a-sNNNNN}; the COPY phase writes the same rows for {@code bench-b-sNNNNN}, ids of the same
 * length that are not registered.
 */
final class BenchmarkSensors {

  private static final int PARALLEL_REQUESTS = 32;

  private final Stack stack;
  private final int count;
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  BenchmarkSensors(Stack stack, int count) {
    this.stack = stack;
    this.count = count;
  }

  static String ingestId(int index) {
    return String.format(Locale.ROOT, "bench-a-s%05d", index);
  }

  static String copyId(int index) {
    return String.format(Locale.ROOT, "bench-b-s%05d", index);
  }

  int count() {
    return count;
  }

  void register() throws Exception {
    IngestBenchmark.progress("registering %d sensors", count);
    token = stack.adminToken();
    put("/api/buildings/bench", "{\"name\":\"Benchmark building\",\"public\":false}").join();
    Semaphore permits = new Semaphore(PARALLEL_REQUESTS);
    List<CompletableFuture<Void>> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      permits.acquire();
      String body =
          "{\"buildingId\":\"bench\",\"metric\":\"temperature\",\"expectedIntervalSeconds\":60,"
              + "\"minValue\":-50,\"maxValue\":100}";
      requests.add(
          put("/api/sensors/" + ingestId(i), body).whenComplete((ok, error) -> permits.release()));
    }
    CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
  }

  private CompletableFuture<Void> put(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.ingestUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenAccept(
            response -> {
              if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                    "PUT " + path + " returned " + response.statusCode() + ": " + response.body());
              }
            });
  }

  /** Deletes the benchmark's readings, sensors and building. */
  void cleanUp() throws SQLException {
    IngestBenchmark.progress("deleting benchmark readings and sensors");
    try (Connection connection = stack.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM readings WHERE sensor_id LIKE 'bench-%'");
      statement.execute("DELETE FROM latest_readings WHERE sensor_id LIKE 'bench-%'");
      statement.execute("DELETE FROM quarantine WHERE sensor_id LIKE 'bench-%'");
      statement.execute("DELETE FROM sensors WHERE building_id = 'bench'");
      statement.execute("DELETE FROM buildings WHERE id = 'bench'");
    }
  }
}
