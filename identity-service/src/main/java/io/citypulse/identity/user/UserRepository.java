package io.citypulse.identity.user;

import io.citypulse.access.Role;
import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users in PostgreSQL. */
@ApplicationScoped
public class UserRepository {

  private static final String COLUMNS =
      "id, email, name, role, buildings, status, status_reason, status_changed_at, locked_until,"
          + " pending_status, pending_reason, pending_effective_at, password_hash,"
          + " must_change_password, last_login_at, created_at";

  private final Sql sql;

  public UserRepository(Sql sql) {
    this.sql = sql;
  }

  public void insert(User user) {
    sql.update(
        "INSERT INTO users (id, email, name, role, buildings, status, password_hash,"
            + " must_change_password, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        user.id(),
        user.email(),
        user.name(),
        user.role().id(),
        user.buildings(),
        user.status().id(),
        user.passwordHash(),
        user.mustChangePassword(),
        user.createdAt(),
        user.createdAt());
  }

  public Optional<User> findById(UUID id) {
    return sql.one("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::toUser, id);
  }

  /** Reads the user and locks the row until the transaction ends. */
  public Optional<User> findByIdForUpdate(UUID id) {
    return sql.one(
        "SELECT " + COLUMNS + " FROM users WHERE id = ? FOR UPDATE", UserRepository::toUser, id);
  }

  /** Finds a user by e-mail address, ignoring case. */
  public Optional<User> findByEmail(String email) {
    return sql.one(
        "SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)",
        UserRepository::toUser,
        email);
  }

  /** Lists users matching every given filter, ordered by e-mail address. */
  public List<User> search(UserFilter filter, int limit, int offset) {
    List<Object> parameters = new ArrayList<>();
    String where = where(filter, parameters);
    parameters.add(limit);
    parameters.add(offset);
    return sql.list(
        "SELECT " + COLUMNS + " FROM users" + where + " ORDER BY lower(email) LIMIT ? OFFSET ?",
        UserRepository::toUser,
        parameters.toArray());
  }

  /** Counts users matching every given filter. */
  public long count(UserFilter filter) {
    List<Object> parameters = new ArrayList<>();
    String where = where(filter, parameters);
    return sql.one(
            "SELECT count(*) FROM users" + where, row -> row.getLong(1), parameters.toArray())
        .orElse(0L);
  }

  private static String where(UserFilter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    if (filter.role() != null) {
      conditions.add("role = ?");
      parameters.add(filter.role().id());
    }
    if (filter.status() != null) {
      conditions.add("status = ?");
      parameters.add(filter.status().id());
    }
    if (filter.building() != null) {
      conditions.add("? = ANY (buildings)");
      parameters.add(filter.building());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("(email ILIKE ? OR name ILIKE ?)");
      String pattern = "%" + escapeLike(filter.text().trim()) + "%";
      parameters.add(pattern);
      parameters.add(pattern);
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public void updateRoleAndBuildings(UUID id, Role role, List<String> buildings, Instant now) {
    sql.update(
        "UPDATE users SET role = ?, buildings = ?, updated_at = ? WHERE id = ?",
        role.id(),
        buildings,
        now,
        id);
  }

  /** Sets the status and clears any pending status change. */
  public void updateStatus(
      UUID id, UserStatus status, String reason, Instant lockedUntil, Instant now) {
    sql.update(
        "UPDATE users SET status = ?, status_reason = ?, status_changed_at = ?, locked_until = ?,"
            + " pending_status = NULL, pending_reason = NULL, pending_effective_at = NULL,"
            + " updated_at = ? WHERE id = ?",
        status.id(),
        reason,
        now,
        lockedUntil,
        now,
        id);
  }

  public void updatePendingStatus(UUID id, User.PendingStatus pending, Instant now) {
    sql.update(
        "UPDATE users SET pending_status = ?, pending_reason = ?, pending_effective_at = ?,"
            + " updated_at = ? WHERE id = ?",
        pending.status().id(),
        pending.reason(),
        pending.effectiveAt(),
        now,
        id);
  }

  /** Returns the ids of users whose pending status change is due at {@code now}. */
  public List<UUID> findDuePendingStatus(Instant now) {
    return sql.list(
        "SELECT id FROM users WHERE pending_effective_at <= ? ORDER BY pending_effective_at",
        row -> row.getObject("id", UUID.class),
        now);
  }

  public void updatePassword(UUID id, String passwordHash, boolean mustChange, Instant now) {
    sql.update(
        "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
        passwordHash,
        mustChange,
        now,
        id);
  }

  public void updateLastLogin(UUID id, Instant now) {
    sql.update("UPDATE users SET last_login_at = ? WHERE id = ?", now, id);
  }

  /** Returns the active users with a successful login at or after {@code since}. */
  public List<User> findActiveLoggedInSince(Instant since) {
    return sql.list(
        "SELECT " + COLUMNS + " FROM users WHERE status = 'active' AND last_login_at >= ?",
        UserRepository::toUser,
        since);
  }

  private static User toUser(ResultSet row) throws SQLException {
    String pendingStatus = row.getString("pending_status");
    User.PendingStatus pending =
        pendingStatus == null
            ? null
            : new User.PendingStatus(
                UserStatus.fromId(pendingStatus).orElseThrow(),
                row.getString("pending_reason"),
                Sql.instant(row, "pending_effective_at"));
    return new User(
        row.getObject("id", UUID.class),
        row.getString("email"),
        row.getString("name"),
        Role.fromId(row.getString("role")).orElseThrow(),
        Sql.strings(row, "buildings"),
        UserStatus.fromId(row.getString("status")).orElseThrow(),
        row.getString("status_reason"),
        Sql.instant(row, "status_changed_at"),
        Sql.instant(row, "locked_until"),
        pending,
        row.getString("password_hash"),
        row.getBoolean("must_change_password"),
        Sql.instant(row, "last_login_at"),
        Sql.instant(row, "created_at"));
  }
}
