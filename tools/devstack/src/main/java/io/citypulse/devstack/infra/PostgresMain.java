package io.citypulse.devstack.infra;

import io.citypulse.devstack.CommandLineOptions;
import io.citypulse.infra.DatabaseLogin;
import io.citypulse.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * Provides the service databases of the local stack and prints {@code READY} when they can be used.
 *
 * <p>Usage: {@code PostgresMain [--port N] [--databases NAME,NAME...]}. Without {@code
 * CITYPULSE_PG_URL} it runs the embedded PostgreSQL (data in {@code .citypulse/postgres}, port
 * 15432 by default) until SIGTERM and then stops it. With {@code CITYPULSE_PG_URL}, {@code
 * CITYPULSE_PG_ADMIN_USER} and {@code CITYPULSE_PG_ADMIN_PASSWORD} it only provisions the databases
 * on that server and exits.
 *
 * <p>Each database gets a login role of the same name whose password is generated once and kept in
 * {@code .citypulse/secrets/<database>.password}; the embedded superuser's is in {@code
 * postgres.password}. The connection settings go to {@code .citypulse/run/datasources/}.
 */
public final class PostgresMain {

  private static final Logger LOG = Logger.getLogger(PostgresMain.class);
  private static final String SUPERUSER_SECRET = "postgres";
  private static final String USAGE =
      """
      Usage: PostgresMain [--port N] [--databases NAME,NAME...]
        --port       TCP port of the embedded PostgreSQL on 127.0.0.1 (default 15432)
        --databases  service databases to create if missing, comma-separated""";

  private PostgresMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions options;
    List<String> databases;
    try {
      options = CommandLineOptions.parse(args, List.of("--port", "--databases"));
      databases =
          List.of(options.get("--databases", "").split(",")).stream()
              .map(String::strip)
              .filter(name -> !name.isEmpty())
              .toList();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (options.helpRequested()) {
      System.out.println(USAGE);
      return;
    }

    StateDirectory state = StateDirectory.fromSystemProperty();
    String externalUrl = System.getenv("CITYPULSE_PG_URL");
    try {
      if (externalUrl != null && !externalUrl.isBlank()) {
        provisionExternal(externalUrl, databases, state);
        System.out.println("READY");
        return;
      }
      runEmbedded(options.getInt("--port", 15432), databases, state);
    } catch (IOException | SQLException e) {
      LOG.errorf(e, "PostgreSQL is not available: %s", e.getMessage());
      System.exit(1);
    } catch (IllegalArgumentException | IllegalStateException e) {
      LOG.errorf("PostgreSQL is not available: %s", e.getMessage());
      System.exit(1);
    }
  }

  private static void provisionExternal(String url, List<String> databases, StateDirectory state)
      throws IOException, SQLException {
    String adminUser = requireEnvironment("CITYPULSE_PG_ADMIN_USER");
    String adminPassword = requireEnvironment("CITYPULSE_PG_ADMIN_PASSWORD");
    ExternalPostgres server = ExternalPostgres.fromUrl(url, adminUser, adminPassword);
    LOG.infof(
        "Using the PostgreSQL server at %s:%d as %s; no embedded PostgreSQL is started",
        server.host(), server.port(), adminUser);
    SecretFiles secrets = new SecretFiles(state.secrets());
    DatasourceFiles datasources = new DatasourceFiles(state.datasources());
    for (String database : databases) {
      DatabaseLogin login = server.provisionDatabase(database, secrets.readOrCreate(database));
      datasources.write(login, server.urlParameters());
      LOG.infof("Database %s is ready: %s", database, login);
    }
  }

  private static void runEmbedded(int port, List<String> databases, StateDirectory state)
      throws IOException, SQLException, InterruptedException {
    SecretFiles secrets = new SecretFiles(state.secrets());
    boolean clusterExists = Files.exists(state.postgresData().resolve("pg_hba.conf"));
    if (clusterExists && !secrets.exists(SUPERUSER_SECRET)) {
      throw new IllegalStateException(
          "The PostgreSQL data in "
              + state.postgresData()
              + " is kept from an earlier run, but its superuser password file "
              + secrets.file(SUPERUSER_SECRET)
              + " is missing. Restore that file, or delete "
              + state.postgresData()
              + " to start with an empty database (this deletes all stored data).");
    }
    String superuserPassword = secrets.readOrCreate(SUPERUSER_SECRET);
    LOG.infof(
        "Starting PostgreSQL on 127.0.0.1:%d with data in %s (%s)",
        port, state.postgresData(), clusterExists ? "kept from an earlier run" : "new cluster");
    EmbeddedPostgresServer server;
    try {
      server = EmbeddedPostgresServer.start(state.postgresData(), port, superuserPassword, true);
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "Starting PostgreSQL on port "
              + port
              + " failed: "
              + e.getMessage()
              + (clusterExists
                  ? ". If "
                      + secrets.file(SUPERUSER_SECRET)
                      + " was replaced, its password no longer matches the kept cluster."
                  : ""),
          e);
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(server, stopped), "postgres-shutdown"));

    DatasourceFiles datasources = new DatasourceFiles(state.datasources());
    for (String database : databases) {
      DatabaseLogin login = server.provisionDatabase(database, secrets.readOrCreate(database));
      datasources.write(login, "");
      LOG.infof("Database %s is ready: %s", database, login);
    }
    LOG.infof("PostgreSQL is ready on 127.0.0.1:%d with databases %s", port, databases);
    System.out.println("READY");
    System.out.flush();
    stopped.await();
  }

  private static void stop(EmbeddedPostgresServer server, CountDownLatch stopped) {
    LOG.info("Stopping PostgreSQL");
    try {
      server.close();
      LOG.info("PostgreSQL stopped");
    } catch (IOException e) {
      LOG.errorf(e, "Stopping PostgreSQL failed");
    } finally {
      stopped.countDown();
    }
  }

  private static String requireEnvironment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "CITYPULSE_PG_URL is set, so " + name + " must be set too (the administrator login)");
    }
    return value;
  }
}
