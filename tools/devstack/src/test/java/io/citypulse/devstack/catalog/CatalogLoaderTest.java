package io.citypulse.devstack.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.citypulse.devstack.catalog.CatalogLoader.CatalogLoadException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the loader against a small HTTP server on 127.0.0.1 that records each request. */
class CatalogLoaderTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;
  private final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());
  private volatile String rejectedPath;
  private volatile String expiredToken;

  @BeforeEach
  void startServer() throws IOException {
    // Without TCP_NODELAY the JDK server waits for delayed ACKs, about 40 ms per response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/oauth2/token")) {
      tokenRequests.add(body);
      respond(exchange, 200, "{\"access_token\":\"token-" + tokenRequests.size() + "\"}");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(new RecordedRequest(exchange.getRequestMethod(), path, body, authorization));
    if (expiredToken != null && ("Bearer " + expiredToken).equals(authorization)) {
      respond(exchange, 401, "{\"status\":401}");
      return;
    }
    boolean rejected = path.equals(rejectedPath);
    byte[] response =
        (rejected ? "{\"title\":\"Unknown building\",\"status\":400}" : "{}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(rejected ? 400 : 201, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private CatalogLoader loader() {
    return new CatalogLoader(baseUrl(), 4, null);
  }

  private URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void loadPutsEveryBuildingAndSensor() throws Exception {
    Catalog catalog = Catalog.hechingen();

    loader().load(catalog);

    assertEquals(catalog.buildings().size() + catalog.sensors().size(), requests.size());
    assertTrue(requests.stream().allMatch(request -> request.method().equals("PUT")));
  }

  @Test
  void loadPutsBuildingsBeforeSensors() throws Exception {
    Catalog catalog = Catalog.hechingen();

    loader().load(catalog);

    int buildings = catalog.buildings().size();
    for (int i = 0; i < requests.size(); i++) {
      boolean isBuilding = requests.get(i).path().startsWith("/api/buildings/");
      assertEquals(i < buildings, isBuilding, requests.get(i).path());
    }
  }

  @Test
  void buildingBodyHasContractFields() throws Exception {
    loader().load(Catalog.hechingen());

    JsonNode body = json.readTree(bodyOf("/api/buildings/rathaus"));
    assertEquals("Rathaus Hechingen", body.get("name").asText());
    assertEquals("Marktplatz 1, 72379 Hechingen", body.get("address").asText());
    assertEquals("Europe/Berlin", body.get("timeZone").asText());
    assertTrue(body.get("public").asBoolean());
  }

  @Test
  void sensorBodyHasContractFields() throws Exception {
    loader().load(Catalog.hechingen());

    JsonNode body = json.readTree(bodyOf("/api/sensors/rathaus-og1-raum12-temp"));
    assertEquals("rathaus", body.get("buildingId").asText());
    assertEquals("Raum 12 Temperatur", body.get("name").asText());
    assertEquals("OG1 Raum 12", body.get("room").asText());
    assertEquals("temperature", body.get("metric").asText());
    assertEquals("Cel", body.get("unit").asText());
    assertEquals(60, body.get("expectedIntervalSeconds").asInt());
    assertEquals(-30, body.get("minValue").asDouble());
    assertEquals(60, body.get("maxValue").asDouble());
  }

  @Test
  void rejectedSensorFailsWithPathAndBody() {
    rejectedPath = "/api/sensors/rathaus-og1-raum12-temp";

    CatalogLoadException error =
        assertThrows(CatalogLoadException.class, () -> loader().load(Catalog.hechingen()));

    assertTrue(error.getMessage().contains("PUT " + rejectedPath + " returned HTTP 400"));
    assertTrue(error.getMessage().contains("Unknown building"), error.getMessage());
  }

  @Test
  void unreachableServiceFails() {
    server.stop(0);

    CatalogLoadException error =
        assertThrows(CatalogLoadException.class, () -> loader().load(Catalog.hechingen()));

    assertTrue(error.getMessage().contains("PUT /api/buildings/"), error.getMessage());
  }

  @Test
  void loginSendsBearerTokenFromPasswordGrant() throws Exception {
    CatalogLoader loader =
        new CatalogLoader(
            baseUrl(),
            4,
            new CatalogLoader.Login(
                baseUrl().resolve("/oauth2/token"),
                "citypulse-dashboard",
                "admin@hechingen.de",
                "p&ss word"));

    loader.load(Catalog.hechingen());

    assertEquals(1, tokenRequests.size());
    String form = tokenRequests.get(0);
    assertTrue(form.contains("grant_type=password"), form);
    assertTrue(form.contains("client_id=citypulse-dashboard"), form);
    assertTrue(form.contains("username=admin%40hechingen.de"), form);
    assertTrue(form.contains("password=p%26ss+word"), form);
    assertTrue(
        requests.stream().allMatch(request -> "Bearer token-1".equals(request.authorization())));
  }

  @Test
  void expiredTokenIsReplacedOnce() throws Exception {
    expiredToken = "token-1";
    CatalogLoader loader =
        new CatalogLoader(
            baseUrl(),
            1,
            new CatalogLoader.Login(
                baseUrl().resolve("/oauth2/token"), "citypulse-dashboard", "admin", "secret"));

    loader.load(Catalog.hechingen());

    assertEquals(2, tokenRequests.size());
    RecordedRequest last = requests.get(requests.size() - 1);
    assertEquals("Bearer token-2", last.authorization());
  }

  @Test
  void requestsWithoutLoginCarryNoToken() throws Exception {
    loader().load(Catalog.hechingen());

    assertTrue(requests.stream().allMatch(request -> request.authorization() == null));
  }

  private String bodyOf(String path) {
    return requests.stream()
        .filter(request -> request.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No request to " + path))
        .body();
  }

  private record RecordedRequest(String method, String path, String body, String authorization) {}
}
