package io.citypulse.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * PostgreSQL 17 from the zonky binaries, run as a child process of this JVM.
 *
 * <p>initdb creates a trust-only cluster. On every start the superuser gets the given password and
 * {@code pg_hba.conf} is rewritten so that TCP logins use SCRAM-SHA-256, as in production. Each
 * service then gets its own database owned by its own login role.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String PG_HBA =
      """
      # Written by CityPulse on every start: TCP logins need a SCRAM-SHA-256 password.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String superuserPassword;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, String superuserPassword) {
    this.postgres = postgres;
    this.superuserPassword = superuserPassword;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirectory where the cluster lives; {@code null} for a throw-away cluster that is
   *     deleted on close
   * @param port TCP port on 127.0.0.1, or 0 for a free one
   * @param superuserPassword password of the {@code postgres} superuser; on a kept data directory
   *     it must be the one used when the cluster was created
   */
  public static EmbeddedPostgresServer start(
      Path dataDirectory, int port, String superuserPassword, boolean durable) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port == 0 ? FreePorts.find() : port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", HOST)
            .setServerConfig("password_encryption", "scram-sha-256")
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("synchronous_commit", durable ? "on" : "off")
            .setServerConfig("fsync", durable ? "on" : "off")
            .setServerConfig("full_page_writes", durable ? "on" : "off")
            .setConnectConfig("password", superuserPassword);
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      if (Files.exists(dataDirectory.resolve("pg_hba.conf"))) {
        // A kept cluster already requires the password, which connectConfig supplies.
        return new EmbeddedPostgresServer(builder.start(), superuserPassword);
      }
    }
    return startTrustingThenLockDown(builder, superuserPassword);
  }

  private static EmbeddedPostgresServer startTrustingThenLockDown(
      EmbeddedPostgres.Builder builder, String superuserPassword) throws IOException {
    EmbeddedPostgres postgres = builder.start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER ROLE postgres PASSWORD " + literal(superuserPassword));
      Files.writeString(Path.of(hbaFile(statement)), PG_HBA);
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      postgres.close();
      throw new IOException("Securing the new PostgreSQL cluster failed: " + e.getMessage(), e);
    }
    return new EmbeddedPostgresServer(postgres, superuserPassword);
  }

  private static String hbaFile(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW hba_file")) {
      rows.next();
      return rows.getString(1);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String host() {
    return HOST;
  }

  /** Connection to the {@code postgres} database as superuser, for provisioning only. */
  public DataSource superuserDataSource() {
    return postgres.getPostgresDatabase();
  }

  /** The superuser login, for tools such as pg_dump. Never log it. */
  public DatabaseLogin superuserLogin() {
    return new DatabaseLogin(HOST, port(), "postgres", "postgres", superuserPassword);
  }

  /**
   * Creates, if missing, the login role and the database of one service, and sets the role's
   * password. Safe to call on every start.
   */
  public DatabaseLogin provisionDatabase(String name, String password) throws SQLException {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid database name '" + name + "': expected lower-case letters, digits and _");
    }
    try (Connection connection = superuserDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
        statement.execute("CREATE ROLE " + name + " LOGIN");
      }
      statement.execute("ALTER ROLE " + name + " PASSWORD " + literal(password));
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        statement.execute("CREATE DATABASE " + name + " OWNER " + name);
      }
    }
    return new DatabaseLogin(HOST, port(), name, name, password);
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Quotes a string as an SQL literal; used only where PostgreSQL takes no bind parameter. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Returns a random password of 32 URL-safe characters. */
  public static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
