package io.citypulse.infra;

/**
 * Connection details of one service database: the database, its owning login role and the role's
 * password. The password is a secret: never log this record.
 */
public record DatabaseLogin(String host, int port, String database, String user, String password) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** URL for the Vert.x reactive PostgreSQL client. */
  public String reactiveUrl() {
    return "postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseLogin[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
