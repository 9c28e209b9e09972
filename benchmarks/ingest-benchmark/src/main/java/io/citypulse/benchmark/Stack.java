package io.citypulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Addresses of the running local stack: the ingest service, the Kafka broker and the ingest
 * database, whose password the stack keeps under {@code .citypulse/secrets}.
 */
record Stack(
    String ingestUrl, String kafkaBootstrap, String jdbcUrl, String user, String password) {

  static Stack locate(Options options) throws IOException {
    String bootstrap = env("CITYPULSE_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    String pgPort = env("CITYPULSE_PG_PORT", "15432");
    String jdbcUrl =
        env(
            "CITYPULSE_BENCH_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/citypulse_ingest");
    Path secret =
        Path.of(env("CITYPULSE_HOME", "."), ".citypulse", "secrets", "citypulse_ingest.password");
    if (!Files.exists(secret)) {
      throw new IllegalStateException(
          "No database password at "
              + secret
              + ": start the local stack with ./citypulse up first");
    }
    return new Stack(
        options.ingestUrl(),
        bootstrap,
        jdbcUrl,
        "citypulse_ingest",
        IngestBenchmark.readSecret(secret));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
