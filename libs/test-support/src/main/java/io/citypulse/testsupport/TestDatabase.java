package io.citypulse.testsupport;

import io.citypulse.infra.DatabaseLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access to a service database, for assertions on what the service stored. */
public final class TestDatabase {

  private final DatabaseLogin login;

  private TestDatabase(DatabaseLogin login) {
    this.login = login;
  }

  /** Connects as the service's own login role to its database. */
  public static TestDatabase of(String name) {
    return new TestDatabase(SharedInfrastructure.get().database(name));
  }

  /** Runs a query that returns one number (a count, say) and returns it. */
  public long queryLong(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("Query returned no row: " + sql);
        }
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql, e);
    }
  }

  /** Runs a query that returns one text value, or null when there is no row. */
  public String queryString(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql, e);
    }
  }
}
