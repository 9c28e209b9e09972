package io.citypulse.identity.session;

import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions and their refresh tokens in PostgreSQL. */
@ApplicationScoped
public class SessionRepository {

  private static final String COLUMNS =
      "id, user_id, client_id, scope, ip, user_agent, created_at, last_activity_at, revoked_at,"
          + " revoke_reason";

  private final Sql sql;

  public SessionRepository(Sql sql) {
    this.sql = sql;
  }

  public void insert(Session session) {
    sql.update(
        "INSERT INTO sessions (id, user_id, client_id, scope, ip, user_agent, created_at,"
            + " last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        session.id(),
        session.userId(),
        session.clientId(),
        session.scope(),
        session.ip(),
        session.userAgent(),
        session.createdAt(),
        session.lastActivityAt());
  }

  /** Reads the session and locks it, so concurrent refreshes of one family run one by one. */
  public Optional<Session> findByIdForUpdate(UUID id) {
    return sql.one(
        "SELECT " + COLUMNS + " FROM sessions WHERE id = ? FOR UPDATE",
        SessionRepository::toSession,
        id);
  }

  public List<Session> findActiveByUser(UUID userId) {
    return sql.list(
        "SELECT "
            + COLUMNS
            + " FROM sessions WHERE user_id = ? AND revoked_at IS NULL"
            + " ORDER BY last_activity_at DESC",
        SessionRepository::toSession,
        userId);
  }

  public void touch(UUID id, Instant now) {
    sql.update("UPDATE sessions SET last_activity_at = ? WHERE id = ?", now, id);
  }

  /** Revokes one session; returns false when it was revoked already or does not exist. */
  public boolean revoke(UUID id, String reason, Instant now) {
    return sql.update(
            "UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS"
                + " NULL",
            now,
            reason,
            id)
        == 1;
  }

  /** Revokes every open session of the user and returns how many there were. */
  public int revokeAllOfUser(UUID userId, String reason, Instant now) {
    return sql.update(
        "UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at"
            + " IS NULL",
        now,
        reason,
        userId);
  }

  /** Deletes sessions idle since before {@code idleSince}, with their refresh tokens. */
  public int deleteIdleSince(Instant idleSince) {
    return sql.update("DELETE FROM sessions WHERE last_activity_at < ?", idleSince);
  }

  /** Stores the SHA-256 digest of a new refresh token of the session. */
  public void insertRefreshToken(String tokenHash, UUID sessionId, Instant now) {
    sql.update(
        "INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)",
        tokenHash,
        sessionId,
        now);
  }

  /** Finds a refresh token by its digest. */
  public Optional<StoredRefreshToken> findRefreshToken(String tokenHash) {
    return sql.one(
        "SELECT token_hash, session_id, issued_at, used_at FROM refresh_tokens"
            + " WHERE token_hash = ?",
        row ->
            new StoredRefreshToken(
                row.getString("token_hash"),
                row.getObject("session_id", UUID.class),
                Sql.instant(row, "issued_at"),
                Sql.instant(row, "used_at")),
        tokenHash);
  }

  /** Marks a refresh token as used; returns false when it was used already. */
  public boolean markRefreshTokenUsed(String tokenHash, Instant now) {
    return sql.update(
            "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
            now,
            tokenHash)
        == 1;
  }

  /** A stored refresh token; {@code usedAt} is set once it was exchanged for a new one. */
  public record StoredRefreshToken(
      String tokenHash, UUID sessionId, Instant issuedAt, Instant usedAt) {}

  private static Session toSession(ResultSet row) throws SQLException {
    return new Session(
        row.getObject("id", UUID.class),
        row.getObject("user_id", UUID.class),
        row.getString("client_id"),
        row.getString("scope"),
        row.getString("ip"),
        row.getString("user_agent"),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "last_activity_at"),
        Sql.instant(row, "revoked_at"),
        row.getString("revoke_reason"));
  }
}
