package io.citypulse.identity.user;

import io.citypulse.identity.api.LockdownView;
import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Incident lock-down: locks every active account with a successful login in the look-back window
 * (one hour by default) and revokes its sessions. The admin who runs it is left out, so someone can
 * still unlock accounts afterwards.
 */
@ApplicationScoped
public class LockdownService {

  private final UserRepository users;
  private final UserStatusService statuses;
  private final Outbox outbox;
  private final IdentityConfig config;

  public LockdownService(
      UserRepository users, UserStatusService statuses, Outbox outbox, IdentityConfig config) {
    this.users = users;
    this.statuses = statuses;
    this.outbox = outbox;
    this.config = config;
  }

  /** Locks the accounts, or on a dry run only counts them. */
  @Transactional
  public LockdownView lockdown(boolean dryRun, Actor actor) {
    Instant since = Instant.now().minus(config.lockout().lockdownLookback());
    List<User> affected =
        users.findActiveLoggedInSince(since).stream()
            .filter(user -> !user.id().toString().equals(actor.id()))
            .toList();
    if (dryRun) {
      return new LockdownView(true, affected.size(), since);
    }

    for (User user : affected) {
      statuses.lockIndefinitely(user, "security_incident", actor);
    }
    outbox.auditEvent(
        EventType.LOCKDOWN_EXECUTED,
        actor,
        "users",
        null,
        Map.of("accounts", affected.size(), "since", since.toString()));
    Log.warnf(
        "Lock-down by %s locked %d accounts with a login since %s",
        actor.id(), affected.size(), since);
    return new LockdownView(false, affected.size(), since);
  }
}
