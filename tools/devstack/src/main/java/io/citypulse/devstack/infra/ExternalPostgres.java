package io.citypulse.devstack.infra;

import io.citypulse.infra.DatabaseLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL server that the local stack does not start, such as a shared development server. An
 * administrator login creates each service's database and login role there, as the embedded server
 * does.
 *
 * <p>The administrator needs either superuser rights or CREATEROLE and CREATEDB. A non-superuser
 * administrator is made a member of each service role, because PostgreSQL lets only members give a
 * new database to a role.
 */
public final class ExternalPostgres {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final String host;
  private final int port;
  private final String maintenanceDatabase;
  private final String urlParameters;
  private final String adminUser;
  private final String adminPassword;

  private ExternalPostgres(
      String host,
      int port,
      String maintenanceDatabase,
      String urlParameters,
      String adminUser,
      String adminPassword) {
    this.host = host;
    this.port = port;
    this.maintenanceDatabase = maintenanceDatabase;
    this.urlParameters = urlParameters;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /**
   * Parses a URL such as {@code postgresql://db.example:5432}. An optional path names the database
   * to connect to for provisioning (default {@code postgres}). An optional query such as {@code
   * ?sslmode=require} is kept for every connection, the services' included.
   */
  public static ExternalPostgres fromUrl(String url, String adminUser, String adminPassword) {
    URI uri;
    try {
      uri = new URI(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Invalid PostgreSQL URL '" + url + "': " + e.getMessage());
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "Invalid PostgreSQL URL '" + url + "': expected postgresql://HOST[:PORT]");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("PostgreSQL URL '" + url + "' names no host");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "PostgreSQL URL must not contain a user or password; set CITYPULSE_PG_ADMIN_USER and"
              + " CITYPULSE_PG_ADMIN_PASSWORD instead");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new ExternalPostgres(
        uri.getHost(),
        uri.getPort() == -1 ? 5432 : uri.getPort(),
        path.isEmpty() ? "postgres" : path,
        uri.getRawQuery() == null ? "" : uri.getRawQuery(),
        adminUser,
        adminPassword);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** Query string of the URL without the {@code ?}, or empty. */
  public String urlParameters() {
    return urlParameters;
  }

  /** Returns the JDBC URL of {@code database} on this server, parameters included. */
  public String jdbcUrl(String database) {
    String base = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return urlParameters.isEmpty() ? base : base + "?" + urlParameters;
  }

  /**
   * Creates the login role and the database called {@code name} if they are missing, and sets the
   * role's password. Safe to call on every start.
   */
  public DatabaseLogin provisionDatabase(String name, String password) throws SQLException {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid database name '" + name + "': expected lower-case letters, digits and _");
    }
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl(maintenanceDatabase), adminUser, adminPassword);
        Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
        statement.execute("CREATE ROLE " + name + " LOGIN");
      }
      setPassword(connection, name, password);
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        if (!isSuperuser(connection)) {
          statement.execute("GRANT " + name + " TO CURRENT_USER");
        }
        statement.execute("CREATE DATABASE " + name + " OWNER " + name);
      }
    }
    return new DatabaseLogin(host, port, name, name, password);
  }

  /**
   * Sets the role's password. The driver computes the SCRAM verifier, so no server log shows it.
   */
  private void setPassword(Connection connection, String role, String password)
      throws SQLException {
    try {
      connection
          .unwrap(PGConnection.class)
          .alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw e;
      }
      throw new SQLException(
          "The administrator "
              + adminUser
              + " may not set the password of the existing role "
              + role
              + ". It needs superuser rights, or CREATEROLE and the ADMIN option on "
              + role
              + " (PostgreSQL 16 and newer grant that to the administrator that created the"
              + " role). Server message: "
              + e.getMessage(),
          e.getSQLState(),
          e);
    }
  }

  private static boolean isSuperuser(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
      return rows.next() && rows.getBoolean(1);
    }
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
}
