package io.citypulse.identity.user;

import io.citypulse.identity.api.StatusChangeRequest;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.login.LoginAttemptRepository;
import io.citypulse.identity.session.SessionService;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Deactivates, suspends, reactivates and unlocks users. Every change that ends the user's access
 * revokes their sessions in the same transaction, so the next refresh fails.
 */
@ApplicationScoped
public class UserStatusService {

  private final UserRepository users;
  private final LoginAttemptRepository attempts;
  private final SessionService sessions;
  private final Outbox outbox;

  public UserStatusService(
      UserRepository users,
      LoginAttemptRepository attempts,
      SessionService sessions,
      Outbox outbox) {
    this.users = users;
    this.attempts = attempts;
    this.sessions = sessions;
    this.outbox = outbox;
  }

  /**
   * Deactivates or suspends a user now, or records the change for {@code effectiveAt} when that
   * lies in the future. Admins cannot do this to their own account.
   */
  @Transactional
  public User changeStatus(UUID id, UserStatus status, StatusChangeRequest request, Actor actor) {
    StatusReason reason =
        StatusReason.fromId(request.reason())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "reason", request.reason(), "one of " + StatusReason.ids()));
    if (actor.id().equals(id.toString())) {
      throw ProblemException.conflict(
          "own-account", "Admins cannot deactivate or suspend their own account.");
    }
    User user = lockedRow(id);
    Instant now = Instant.now();
    if (request.effectiveAt() != null && request.effectiveAt().isAfter(now)) {
      schedule(user, status, reason, request.effectiveAt(), actor, now);
    } else {
      apply(user, status, reason.id(), actor, now);
    }
    return users.findById(id).orElseThrow();
  }

  private void schedule(
      User user,
      UserStatus status,
      StatusReason reason,
      Instant effectiveAt,
      Actor actor,
      Instant now) {
    users.updatePendingStatus(
        user.id(), new User.PendingStatus(status, reason.id(), effectiveAt), now);
    outbox.userEvent(
        EventType.STATUS_CHANGE_SCHEDULED,
        user.id(),
        user.email(),
        actor,
        Map.of(
            "status", status.id(), "reason", reason.id(), "effectiveAt", effectiveAt.toString()));
    Log.infof("User %s will be %s at %s (%s)", user.id(), status.id(), effectiveAt, reason.id());
  }

  private void apply(User user, UserStatus status, String reason, Actor actor, Instant now) {
    users.updateStatus(user.id(), status, reason, null, now);
    sessions.revokeAllOfUser(user, "user_" + status.id(), actor);
    EventType type =
        status == UserStatus.SUSPENDED ? EventType.USER_SUSPENDED : EventType.USER_DEACTIVATED;
    outbox.userEvent(
        type,
        user.id(),
        user.email(),
        actor,
        Map.of("reason", reason, "previousStatus", user.status().id()));
    Log.infof("User %s is now %s (%s) by %s", user.id(), status.id(), reason, actor.id());
  }

  /** Applies a pending status change whose effective date has come. */
  @Transactional
  public void applyPending(UUID id) {
    User user = lockedRow(id);
    User.PendingStatus pending = user.pendingStatus();
    if (pending == null || pending.effectiveAt().isAfter(Instant.now())) {
      return;
    }
    apply(user, pending.status(), pending.reason(), Actor.SYSTEM, Instant.now());
  }

  /** Makes a suspended, deactivated or locked user active again and drops any pending change. */
  @Transactional
  public User reactivate(UUID id, Actor actor) {
    User user = lockedRow(id);
    if (user.isActive() && user.pendingStatus() == null) {
      throw ProblemException.conflict(
          "user-active", "User '" + id + "' is active already and has no pending change.");
    }
    users.updateStatus(id, UserStatus.ACTIVE, null, null, Instant.now());
    attempts.clear(user.email().toLowerCase(Locale.ROOT));
    Map<String, Object> details = new HashMap<>();
    details.put("previousStatus", user.status().id());
    outbox.userEvent(EventType.USER_REACTIVATED, id, user.email(), actor, details);
    Log.infof("User %s reactivated by %s", id, actor.id());
    return users.findById(id).orElseThrow();
  }

  /** Unlocks a user locked after failed logins or by the lock-down. */
  @Transactional
  public User unlock(UUID id, Actor actor) {
    User user = lockedRow(id);
    if (user.status() != UserStatus.LOCKED) {
      throw ProblemException.conflict(
          "user-not-locked",
          "User '" + id + "' is " + user.status().id() + ", not locked; nothing to unlock.");
    }
    attempts.clear(user.email().toLowerCase(Locale.ROOT));
    users.updateStatus(id, UserStatus.ACTIVE, null, null, Instant.now());
    outbox.userEvent(
        EventType.USER_UNLOCKED, id, user.email(), actor, Map.of("reason", "admin_unlock"));
    Log.infof("User %s unlocked by %s", id, actor.id());
    return users.findById(id).orElseThrow();
  }

  /** Locks an active user until an admin unlocks them, revoking their sessions. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockIndefinitely(User user, String reason, Actor actor) {
    users.updateStatus(user.id(), UserStatus.LOCKED, reason, null, Instant.now());
    sessions.revokeAllOfUser(user, "user_locked", actor);
    outbox.userEvent(
        EventType.USER_LOCKED, user.id(), user.email(), actor, Map.of("reason", reason));
  }

  private User lockedRow(UUID id) {
    return users
        .findByIdForUpdate(id)
        .orElseThrow(() -> ProblemException.notFound("User", id.toString()));
  }
}
