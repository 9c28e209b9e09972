package io.citypulse.identity.session;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.key.SigningKeys;
import io.citypulse.identity.login.LoginAttemptRepository;
import io.citypulse.identity.persistence.Sql;
import io.citypulse.identity.user.UserRepository;
import io.citypulse.identity.user.UserStatusService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Scheduled clean-up and the application of pending status changes. */
@ApplicationScoped
public class MaintenanceJobs {

  private final SessionService sessions;
  private final SigningKeys keys;
  private final LoginAttemptRepository attempts;
  private final UserRepository users;
  private final UserStatusService statuses;
  private final Sql sql;
  private final IdentityConfig config;

  public MaintenanceJobs(
      SessionService sessions,
      SigningKeys keys,
      LoginAttemptRepository attempts,
      UserRepository users,
      UserStatusService statuses,
      Sql sql,
      IdentityConfig config) {
    this.sessions = sessions;
    this.keys = keys;
    this.attempts = attempts;
    this.users = users;
    this.statuses = statuses;
    this.sql = sql;
    this.config = config;
  }

  /** Deletes idle sessions, stale login counters, sent outbox rows and expired signing keys. */
  @Scheduled(
      every = "${citypulse.identity.sessions.cleanup-interval}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void cleanUp() {
    int idle = sessions.deleteIdle();
    if (idle > 0) {
      Log.infof("Deleted %d sessions idle for more than %s", idle, config.sessions().idleTimeout());
    }
    deleteStaleRows();
    keys.deleteUnpublished();
  }

  @Transactional
  void deleteStaleRows() {
    Instant now = Instant.now();
    attempts.deleteStale(now.minus(config.lockout().window()));
    sql.update("DELETE FROM outbox WHERE sent_at < ?", now.minus(config.outbox().retention()));
  }

  /** Applies deactivations and suspensions whose effective date has come. */
  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void applyPendingStatusChanges() {
    for (UUID id : users.findDuePendingStatus(Instant.now())) {
      try {
        statuses.applyPending(id);
      } catch (RuntimeException e) {
        Log.errorf(
            e, "Applying the pending status change of user %s failed; retrying in 1 minute", id);
      }
    }
  }
}
