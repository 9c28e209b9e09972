package io.citypulse.identity.api;

import io.citypulse.identity.user.User;
import java.time.Instant;
import java.util.List;

/** A user as the admin API returns it; the password hash is never included. */
public record UserView(
    String id,
    String email,
    String name,
    String role,
    String roleDisplayName,
    List<String> buildings,
    String status,
    String statusReason,
    Instant statusChangedAt,
    Instant lockedUntil,
    PendingView pendingStatusChange,
    boolean mustChangePassword,
    Instant lastLoginAt,
    Instant createdAt) {

  /** A deactivation or suspension that takes effect later. */
  public record PendingView(String status, String reason, Instant effectiveAt) {}

  public static UserView of(User user) {
    PendingView pending =
        user.pendingStatus() == null
            ? null
            : new PendingView(
                user.pendingStatus().status().id(),
                user.pendingStatus().reason(),
                user.pendingStatus().effectiveAt());
    return new UserView(
        user.id().toString(),
        user.email(),
        user.name(),
        user.role().id(),
        user.role().displayName(),
        user.buildings(),
        user.status().id(),
        user.statusReason(),
        user.statusChangedAt(),
        user.lockedUntil(),
        pending,
        user.mustChangePassword(),
        user.lastLoginAt(),
        user.createdAt());
  }
}
