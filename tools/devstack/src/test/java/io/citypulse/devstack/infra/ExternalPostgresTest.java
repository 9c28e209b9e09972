package io.citypulse.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.infra.DatabaseLogin;
import io.citypulse.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provisions service databases on a PostgreSQL server that the stack did not start, logged in as an
 * administrator without superuser rights, as on many managed servers.
 */
class ExternalPostgresTest {

  private static final String ADMIN = "platform_admin";
  private static final String ADMIN_PASSWORD = EmbeddedPostgresServer.randomPassword();
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startServer() throws IOException, SQLException {
    server = EmbeddedPostgresServer.start(null, 0, EmbeddedPostgresServer.randomPassword(), false);
    try (Connection connection = server.superuserDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'");
    }
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  private static ExternalPostgres external() {
    return ExternalPostgres.fromUrl(
        "postgresql://127.0.0.1:" + server.port() + "?sslmode=disable", ADMIN, ADMIN_PASSWORD);
  }

  @Test
  void serviceRoleOwnsItsDatabase() throws SQLException {
    DatabaseLogin login = external().provisionDatabase("citypulse_audit", "first-password");

    try (Connection connection =
            DriverManager.getConnection(
                external().jdbcUrl(login.database()), login.user(), login.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT current_user, pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()")) {
      assertTrue(rows.next());
      assertEquals("citypulse_audit", rows.getString(1));
      assertEquals("citypulse_audit", rows.getString(2));
    }
  }

  @Test
  void provisioningAgainSetsNewPassword() throws SQLException {
    external().provisionDatabase("citypulse_alerting", "old-password");

    DatabaseLogin login = external().provisionDatabase("citypulse_alerting", "new-password");

    try (Connection connection =
        DriverManager.getConnection(
            external().jdbcUrl(login.database()), login.user(), "new-password")) {
      assertTrue(connection.isValid(5));
    }
    assertThrows(
        SQLException.class,
        () ->
            DriverManager.getConnection(
                external().jdbcUrl(login.database()), login.user(), "old-password"));
  }

  @Test
  void roleOfAnotherAdministratorIsReported() throws SQLException {
    server.provisionDatabase("citypulse_identity", EmbeddedPostgresServer.randomPassword());

    SQLException error =
        assertThrows(
            SQLException.class,
            () -> external().provisionDatabase("citypulse_identity", "some-password"));

    assertTrue(error.getMessage().contains("citypulse_identity"), error.getMessage());
    assertTrue(error.getMessage().contains(ADMIN), error.getMessage());
  }

  @Test
  void urlKeepsParametersAndDefaultsPort() {
    ExternalPostgres parsed =
        ExternalPostgres.fromUrl("postgresql://db.example?sslmode=require", "admin", "secret");

    assertEquals("db.example", parsed.host());
    assertEquals(5432, parsed.port());
    assertEquals(
        "jdbc:postgresql://db.example:5432/citypulse_ingest?sslmode=require",
        parsed.jdbcUrl("citypulse_ingest"));
  }

  @Test
  void jdbcPrefixIsAccepted() {
    ExternalPostgres parsed =
        ExternalPostgres.fromUrl("jdbc:postgresql://db.example:6543", "admin", "secret");

    assertEquals(6543, parsed.port());
  }

  @Test
  void urlWithPasswordIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExternalPostgres.fromUrl("postgresql://admin:secret@db.example", "admin", "x"));
  }

  @Test
  void otherSchemeIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExternalPostgres.fromUrl("mysql://db.example:3306", "admin", "x"));
  }

  @Test
  void invalidDatabaseNameIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> external().provisionDatabase("citypulse-ingest", "x"));
  }
}
