package io.citypulse.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses of the running local stack: the ingest service, the Kafka broker and the ingest
 * database, whose password the stack keeps under {@code .citypulse/secrets}.
 */
record Stack(
    String ingestUrl,
    String identityUrl,
    Path secrets,
    String kafkaBootstrap,
    String jdbcUrl,
    String user,
    String password) {

  static Stack locate(Options options) throws IOException {
    String bootstrap = env("CITYPULSE_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    String pgPort = env("CITYPULSE_PG_PORT", "15432");
    String jdbcUrl =
        env(
            "CITYPULSE_BENCH_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/citypulse_ingest");
    Path secrets = Path.of(env("CITYPULSE_HOME", "."), ".citypulse", "secrets");
    Path secret = secrets.resolve("citypulse_ingest.password");
    if (!Files.exists(secret)) {
      throw new IllegalStateException(
          "No database password at "
              + secret
              + ": start the local stack with ./citypulse up first");
    }
    return new Stack(
        options.ingestUrl(),
        env("CITYPULSE_IDENTITY_URL", "http://127.0.0.1:8081"),
        secrets,
        bootstrap,
        jdbcUrl,
        "citypulse_ingest",
        IngestBenchmark.readSecret(secret));
  }

  /** Logs in as the demo admin with the password grant and returns the access token. */
  String adminToken() throws IOException, InterruptedException {
    String demoPassword = IngestBenchmark.readSecret(secrets.resolve("identity-demo.password"));
    String form =
        "grant_type=password&client_id=citypulse-dashboard&username="
            + URLEncoder.encode("admin@hechingen.de", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(demoPassword, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(identityUrl + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "Login as admin@hechingen.de failed with status " + response.statusCode());
    }
    return token.group(1);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
