package io.citypulse.identity.user;

import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.password.PasswordPolicy;
import io.citypulse.identity.session.SessionService;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Changes a user's own password. The change revokes every session of the user, so a stolen refresh
 * token stops working; the client logs in again with the new password.
 */
@ApplicationScoped
public class PasswordChangeService {

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final SessionService sessions;
  private final Outbox outbox;

  public PasswordChangeService(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      SessionService sessions,
      Outbox outbox) {
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.sessions = sessions;
    this.outbox = outbox;
  }

  @Transactional
  public void change(UUID userId, String currentPassword, String newPassword, Actor actor) {
    User user = users.findByIdForUpdate(userId).orElseThrow();
    if (!hasher.verify(currentPassword, user.passwordHash())) {
      throw new ProblemException(
          Problem.of(400, "wrong-current-password", "Current password is wrong")
              .detail("The current password is wrong; the password was not changed.")
              .build());
    }
    policy.check(newPassword, user.email());
    if (newPassword.equals(currentPassword)) {
      throw new ProblemException(
          Problem.of(400, "password-policy", "Password rejected by the password policy")
              .detail("The new password must differ from the current one.")
              .with("rule", "password-unchanged")
              .build());
    }

    users.updatePassword(userId, hasher.hash(newPassword), false, Instant.now());
    sessions.revokeAllOfUser(user, "password_changed", actor);
    outbox.userEvent(
        EventType.PASSWORD_CHANGED,
        userId,
        user.email(),
        actor,
        Map.of("initialPassword", user.mustChangePassword()));
    Log.infof("User %s changed the password", userId);
  }
}
