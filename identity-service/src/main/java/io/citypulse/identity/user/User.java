package io.citypulse.identity.user;

import io.citypulse.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored user account. */
public record User(
    UUID id,
    String email,
    String name,
    Role role,
    List<String> buildings,
    UserStatus status,
    String statusReason,
    Instant statusChangedAt,
    Instant lockedUntil,
    PendingStatus pendingStatus,
    String passwordHash,
    boolean mustChangePassword,
    Instant lastLoginAt,
    Instant createdAt) {

  /** A deactivation or suspension that takes effect later. */
  public record PendingStatus(UserStatus status, String reason, Instant effectiveAt) {}

  public boolean isActive() {
    return status == UserStatus.ACTIVE;
  }

  /** Returns whether a lock after failed logins has run out at {@code now}. */
  public boolean lockExpired(Instant now) {
    return status == UserStatus.LOCKED && lockedUntil != null && !lockedUntil.isAfter(now);
  }
}
