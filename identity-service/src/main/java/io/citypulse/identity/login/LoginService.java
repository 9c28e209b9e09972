package io.citypulse.identity.login;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.event.RequestOrigin;
import io.citypulse.identity.metrics.IdentityMetrics;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.session.SessionService;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import io.citypulse.identity.user.UserStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks e-mail and password with brute-force protection. Failed logins are counted per e-mail
 * address, known or not, and an unknown address costs one decoy Argon2 verification, so neither the
 * response nor its timing reveals whether an account exists.
 */
@ApplicationScoped
public class LoginService {

  private final UserRepository users;
  private final LoginAttemptRepository attempts;
  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final Outbox outbox;
  private final IdentityMetrics metrics;
  private final IdentityConfig config;

  public LoginService(
      UserRepository users,
      LoginAttemptRepository attempts,
      PasswordHasher hasher,
      SessionService sessions,
      Outbox outbox,
      IdentityMetrics metrics,
      IdentityConfig config) {
    this.users = users;
    this.attempts = attempts;
    this.hasher = hasher;
    this.sessions = sessions;
    this.outbox = outbox;
    this.metrics = metrics;
    this.config = config;
  }

  /** Checks the credentials and records the outcome and its events in one transaction. */
  @Transactional
  public LoginResult login(String email, String password, RequestOrigin origin) {
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    Instant now = Instant.now();
    User user =
        users
            .findByEmail(normalized)
            .flatMap(found -> users.findByIdForUpdate(found.id()))
            .orElse(null);
    if (user != null && user.lockExpired(now)) {
      user = unlockExpired(user, now);
    }

    if (isLocked(normalized, user, now)) {
      hasher.verifyDecoy(password);
      recordFailure(normalized, user, origin, "account_locked", null);
      return new LoginResult.Locked();
    }

    boolean verified;
    if (user == null) {
      hasher.verifyDecoy(password);
      verified = false;
    } else {
      verified = hasher.verify(password, user.passwordHash());
    }
    if (!verified) {
      countFailure(normalized, user, origin, now);
      return new LoginResult.InvalidCredentials();
    }
    if (!user.isActive()) {
      recordFailure(normalized, user, origin, "account_" + user.status().id(), null);
      return new LoginResult.Inactive(user);
    }

    attempts.clear(normalized);
    users.updateLastLogin(user.id(), now);
    outbox.userEvent(
        EventType.LOGIN_SUCCEEDED,
        user.id(),
        user.email(),
        Actor.user(user.id(), origin),
        Map.of("passwordChangeRequired", user.mustChangePassword()));
    metrics.loginSucceeded();
    return new LoginResult.Succeeded(user);
  }

  private boolean isLocked(String email, User user, Instant now) {
    Optional<Instant> lockedUntil = attempts.findLockedUntil(email);
    boolean throttled = lockedUntil.isPresent() && lockedUntil.get().isAfter(now);
    return throttled || (user != null && user.status() == UserStatus.LOCKED);
  }

  private void countFailure(String email, User user, RequestOrigin origin, Instant now) {
    int failures = attempts.recordFailure(email, now, now.minus(config.lockout().window()));
    recordFailure(email, user, origin, "invalid_credentials", failures);
    if (failures < config.lockout().maxFailures()) {
      return;
    }

    Instant lockedUntil = now.plus(config.lockout().duration());
    attempts.lock(email, lockedUntil);
    metrics.lockout();
    if (user != null) {
      lockUser(user, lockedUntil, failures, origin, now);
    }
  }

  private void lockUser(
      User user, Instant lockedUntil, int failures, RequestOrigin origin, Instant now) {
    users.updateStatus(user.id(), UserStatus.LOCKED, "failed_logins", lockedUntil, now);
    sessions.revokeAllOfUser(user, "user_locked", Actor.anonymous(origin));
    outbox.userEvent(
        EventType.USER_LOCKED,
        user.id(),
        user.email(),
        Actor.anonymous(origin),
        Map.of(
            "reason",
            "failed_logins",
            "failures",
            failures,
            "lockedUntil",
            lockedUntil.toString()));
    Log.warnf("User %s locked until %s after %d failed logins", user.id(), lockedUntil, failures);
  }

  private void recordFailure(
      String email, User user, RequestOrigin origin, String reason, Integer failures) {
    Map<String, Object> details =
        failures == null
            ? Map.of("reason", reason)
            : Map.of("reason", reason, "failures", failures);
    // A failed login may come from anyone, not necessarily the user, so the actor is anonymous.
    outbox.userEvent(
        EventType.LOGIN_FAILED,
        user == null ? null : user.id(),
        email,
        Actor.anonymous(origin),
        details);
    metrics.loginFailed(reason);
  }

  private User unlockExpired(User user, Instant now) {
    users.updateStatus(user.id(), UserStatus.ACTIVE, null, null, now);
    attempts.clear(user.email().toLowerCase(Locale.ROOT));
    outbox.userEvent(
        EventType.USER_UNLOCKED,
        user.id(),
        user.email(),
        Actor.SYSTEM,
        Map.of("reason", "lock_expired"));
    Log.infof("User %s unlocked: the lock after failed logins expired", user.id());
    return users.findById(user.id()).orElseThrow();
  }
}
