package io.citypulse.identity.persistence;

import java.sql.SQLException;

/** A failed SQL statement; the message names the statement, never its parameters. */
public class DataAccessException extends RuntimeException {

  private final String sqlState;

  public DataAccessException(String sql, SQLException cause) {
    super("SQL statement failed (" + cause.getSQLState() + "): " + sql, cause);
    this.sqlState = cause.getSQLState();
  }

  /** Returns whether a unique constraint rejected the statement. */
  public boolean isUniqueViolation() {
    return "23505".equals(sqlState);
  }
}
