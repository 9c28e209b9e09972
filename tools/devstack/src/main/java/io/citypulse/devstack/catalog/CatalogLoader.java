package io.citypulse.devstack.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.devstack.CommandLineOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Creates or replaces every building and sensor of a catalog in the ingest service with {@code PUT
 * /api/buildings/{id}} and {@code PUT /api/sensors/{id}}, a few requests at a time. Buildings go
 * first because sensors refer to them.
 *
 * <p>Usage: {@code CatalogLoader [--ingest-url URL] [--parallelism N]}. Exits with status 1 and
 * names the failed requests when any response is not 2xx, and with status 2 on invalid options.
 */
public final class CatalogLoader {

  private static final Logger LOG = Logger.getLogger(CatalogLoader.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 3;
  private static final Duration RETRY_DELAY = Duration.ofMillis(200);
  private static final int MAX_BODY_CHARS = 500;
  private static final String USAGE =
      """
      Usage: CatalogLoader [--ingest-url URL] [--parallelism N]
                           [--username USER --password-file FILE [--token-url URL] [--client-id ID]]
        --ingest-url     base URL of sensor-ingest-service (default http://127.0.0.1:8082)
        --parallelism    number of requests in flight at once (default 4)
        --username       user whose access token authorizes the requests (an admin, because
                         buildings need one); without it the requests carry no token
        --password-file  file whose first line is that user's password
        --token-url      OAuth 2.0 token endpoint (default http://127.0.0.1:8081/oauth2/token)
        --client-id      client for the password grant (default citypulse-dashboard)""";

  private final HttpClient http;
  private final URI ingestUrl;
  private final int parallelism;
  private final TokenSource tokens;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param login user, password and token endpoint whose access token authorizes the requests, or
   *     null to send them without one
   */
  public CatalogLoader(URI ingestUrl, int parallelism, Login login) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.ingestUrl = ingestUrl;
    this.parallelism = parallelism;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.tokens =
        login == null
            ? null
            : new TokenSource(
                http, login.tokenUrl(), login.clientId(), login.username(), login.password());
  }

  /** A user login at an OAuth 2.0 token endpoint that allows the password grant. */
  public record Login(URI tokenUrl, String clientId, String username, String password) {

    @Override
    public String toString() {
      return "Login[" + username + " at " + tokenUrl + "]";
    }
  }

  public static void main(String[] args) {
    CommandLineOptions options;
    CatalogLoader loader;
    try {
      options =
          CommandLineOptions.parse(
              args,
              List.of(
                  "--ingest-url",
                  "--parallelism",
                  "--token-url",
                  "--client-id",
                  "--username",
                  "--password-file"));
      loader =
          new CatalogLoader(
              URI.create(options.get("--ingest-url", "http://127.0.0.1:8082")),
              options.getInt("--parallelism", 4),
              login(options));
    } catch (IOException e) {
      System.err.println("Reading the password file failed: " + e);
      System.exit(2);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (options.helpRequested()) {
      System.out.println(USAGE);
      return;
    }
    try {
      loader.load(Catalog.hechingen());
    } catch (CatalogLoadException e) {
      LOG.error(e.getMessage());
      System.exit(1);
    }
  }

  private static Login login(CommandLineOptions options) throws IOException {
    String username = options.get("--username", null);
    if (username == null) {
      return null;
    }
    String passwordFile = options.get("--password-file", null);
    if (passwordFile == null) {
      throw new IllegalArgumentException("--username needs --password-file");
    }
    String password = Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8).get(0);
    return new Login(
        URI.create(options.get("--token-url", "http://127.0.0.1:8081/oauth2/token")),
        options.get("--client-id", "citypulse-dashboard"),
        username,
        password);
  }

  /** Puts all buildings, then all sensors, and throws after the first batch that had a failure. */
  public void load(Catalog catalog) throws CatalogLoadException {
    long started = System.nanoTime();
    LOG.infof(
        "Loading %d buildings and %d sensors of %s into %s",
        catalog.buildings().size(), catalog.sensors().size(), catalog.town(), ingestUrl);

    List<Put> buildingPuts = catalog.buildings().stream().map(this::buildingPut).toList();
    runAll(buildingPuts);
    List<Put> sensorPuts = catalog.sensors().stream().map(this::sensorPut).toList();
    runAll(sensorPuts);

    LOG.infof(
        "Loaded %d buildings and %d sensors in %d ms",
        buildingPuts.size(),
        sensorPuts.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private Put buildingPut(Building building) {
    ObjectNode body = json.createObjectNode();
    body.put("name", building.name());
    body.put("address", building.address());
    body.put("timeZone", building.timeZone());
    body.put("public", building.isPublic());
    return new Put("/api/buildings/" + building.id(), body.toString());
  }

  private Put sensorPut(Sensor sensor) {
    ObjectNode body = json.createObjectNode();
    body.put("buildingId", sensor.buildingId());
    body.put("name", sensor.name());
    body.put("room", sensor.room());
    body.put("metric", sensor.metric().apiName());
    body.put("unit", sensor.unit());
    body.put("expectedIntervalSeconds", sensor.expectedIntervalSeconds());
    body.put("minValue", sensor.minValue());
    body.put("maxValue", sensor.maxValue());
    return new Put("/api/sensors/" + sensor.id(), body.toString());
  }

  /**
   * Sends the requests with {@code parallelism} in flight. After the first failure no new request
   * starts; the ones in flight finish and their failures are reported too.
   */
  private void runAll(List<Put> puts) throws CatalogLoadException {
    AtomicBoolean failed = new AtomicBoolean();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService executor = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Put put : puts) {
        futures.add(
            executor.submit(
                () -> {
                  if (failed.get()) {
                    return;
                  }
                  String failure = send(put);
                  if (failure != null) {
                    failed.set(true);
                    failures.add(failure);
                  }
                }));
      }
      awaitAll(futures);
    } finally {
      executor.shutdownNow();
    }
    if (!failures.isEmpty()) {
      throw new CatalogLoadException(
          "Loading the catalog into "
              + ingestUrl
              + " failed, so the catalog is incomplete. Check that sensor-ingest-service runs"
              + " and see its log. Failed requests:\n  "
              + String.join("\n  ", failures));
    }
  }

  private static void awaitAll(List<Future<?>> futures) throws CatalogLoadException {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogLoadException("Interrupted while loading the catalog");
      } catch (ExecutionException e) {
        throw new CatalogLoadException("Loading the catalog failed: " + e.getCause());
      }
    }
  }

  /**
   * Sends one PUT; returns null on a 2xx response, else a description of the failure. A 401
   * response is retried once with a new access token, in case the old one expired.
   */
  private String send(Put put) {
    try {
      HttpResponse<String> response = sendWithRetry(put);
      if (response.statusCode() == 401 && tokens != null) {
        tokens.refresh();
        response = sendWithRetry(put);
      }
      if (response.statusCode() / 100 == 2) {
        LOG.debugf("PUT %s returned %d", put.path(), response.statusCode());
        return null;
      }
      return "PUT "
          + put.path()
          + " returned HTTP "
          + response.statusCode()
          + ": "
          + abbreviate(response.body());
    } catch (IOException e) {
      return "PUT " + put.path() + " failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "PUT " + put.path() + " was interrupted";
    }
  }

  /**
   * Sends the PUT, again after an I/O error such as a kept-alive connection that the server closed
   * in the meantime; PUT is idempotent, so a repeat cannot store anything twice.
   */
  private HttpResponse<String> sendWithRetry(Put put) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request(put), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debugf("PUT %s failed (%s), attempt %d of %d", put.path(), e, attempt, MAX_ATTEMPTS);
        Thread.sleep(RETRY_DELAY.toMillis() * attempt);
      }
    }
  }

  private HttpRequest request(Put put) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ingestUrl.resolve(put.path()))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(put.body()));
    if (tokens != null) {
      request.header("Authorization", "Bearer " + tokens.accessToken());
    }
    return request.build();
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_BODY_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_BODY_CHARS) + "...";
  }

  private record Put(String path, String body) {}

  /** The catalog could not be loaded completely. */
  public static final class CatalogLoadException extends Exception {
    public CatalogLoadException(String message) {
      super(message);
    }
  }
}
