package io.citypulse.identity.login;

import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Failed-login counters per lower-cased e-mail address. */
@ApplicationScoped
public class LoginAttemptRepository {

  private final Sql sql;

  public LoginAttemptRepository(Sql sql) {
    this.sql = sql;
  }

  /** Returns until when logins with this e-mail are locked, if they are. */
  public Optional<Instant> findLockedUntil(String email) {
    return sql.one(
            "SELECT locked_until FROM login_attempts WHERE email = ?",
            row -> Optional.ofNullable(Sql.instant(row, "locked_until")),
            email)
        .flatMap(lockedUntil -> lockedUntil);
  }

  /**
   * Counts one failed login and returns the failures in the current window. A window older than
   * {@code windowStart} is replaced by a new one that starts with this failure.
   */
  public int recordFailure(String email, Instant now, Instant windowStart) {
    return sql.one(
            "INSERT INTO login_attempts (email, failures, window_started_at) VALUES (?, 1, ?)"
                + " ON CONFLICT (email) DO UPDATE SET"
                + " failures = CASE WHEN login_attempts.window_started_at < ? THEN 1"
                + "   ELSE login_attempts.failures + 1 END,"
                + " window_started_at = CASE WHEN login_attempts.window_started_at < ? THEN ?"
                + "   ELSE login_attempts.window_started_at END,"
                + " locked_until = NULL"
                + " RETURNING failures",
            row -> row.getInt("failures"),
            email,
            now,
            windowStart,
            windowStart,
            now)
        .orElseThrow();
  }

  public void lock(String email, Instant lockedUntil) {
    sql.update("UPDATE login_attempts SET locked_until = ? WHERE email = ?", lockedUntil, email);
  }

  /** Forgets the failures of this e-mail, after a successful login or an unlock. */
  public void clear(String email) {
    sql.update("DELETE FROM login_attempts WHERE email = ?", email);
  }

  /** Deletes counters whose window and lock both ended before {@code before}. */
  public int deleteStale(Instant before) {
    return sql.update(
        "DELETE FROM login_attempts WHERE window_started_at < ?"
            + " AND (locked_until IS NULL OR locked_until < ?)",
        before,
        before);
  }
}
