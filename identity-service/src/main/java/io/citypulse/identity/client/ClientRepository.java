package io.citypulse.identity.client;

import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OAuth clients in PostgreSQL. */
@ApplicationScoped
public class ClientRepository {

  private static final String COLUMNS = "id, name, secret_hash, grant_types, scopes, created_at";

  private final Sql sql;

  public ClientRepository(Sql sql) {
    this.sql = sql;
  }

  public Optional<Client> findById(String id) {
    return sql.one(
        "SELECT " + COLUMNS + " FROM clients WHERE id = ?", ClientRepository::toClient, id);
  }

  public List<Client> listAll() {
    return sql.list("SELECT " + COLUMNS + " FROM clients ORDER BY id", ClientRepository::toClient);
  }

  /** Inserts the client; returns false when the id is taken. */
  public boolean insert(Client client) {
    return sql.update(
            "INSERT INTO clients (id, name, secret_hash, grant_types, scopes, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            client.id(),
            client.name(),
            client.secretHash(),
            client.grantTypes(),
            client.scopes(),
            client.createdAt(),
            client.createdAt())
        == 1;
  }

  public boolean updateSecret(String id, String secretHash, Instant now) {
    return sql.update(
            "UPDATE clients SET secret_hash = ?, updated_at = ? WHERE id = ? AND secret_hash IS"
                + " NOT NULL",
            secretHash,
            now,
            id)
        == 1;
  }

  public boolean delete(String id) {
    return sql.update("DELETE FROM clients WHERE id = ?", id) == 1;
  }

  private static Client toClient(ResultSet row) throws SQLException {
    return new Client(
        row.getString("id"),
        row.getString("name"),
        row.getString("secret_hash"),
        Sql.strings(row, "grant_types"),
        Sql.strings(row, "scopes"),
        Sql.instant(row, "created_at"));
  }
}
