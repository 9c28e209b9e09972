package io.citypulse.identity.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Thin JDBC access on the default datasource. Inside a {@code @Transactional} method every call
 * joins the current transaction; {@link Instant} parameters are sent as UTC timestamps and string
 * collections as {@code text[]}.
 */
@ApplicationScoped
public class Sql {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs a query and maps every row. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  /** Runs a query and maps the first row, if any. */
  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
    return list(sql, mapper, parameters).stream().findFirst();
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  public int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  /** Reads a nullable timestamptz column. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a text[] column. */
  public static List<String> strings(ResultSet row, String column) throws SQLException {
    java.sql.Array array = row.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, convert(connection, parameters[i]));
    }
    return statement;
  }

  private static Object convert(Connection connection, Object parameter) throws SQLException {
    if (parameter instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (parameter instanceof Collection<?> values) {
      return connection.createArrayOf("text", values.toArray());
    }
    return parameter;
  }
}
