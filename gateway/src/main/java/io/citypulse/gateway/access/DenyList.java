package io.citypulse.gateway.access;

import io.citypulse.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users who were locked, suspended or deactivated, by user id ({@code sub}), in memory. A token of
 * such a user that was issued at or before the event is rejected, so a token issued after a later
 * unlock or reactivation passes even if that event was missed. An entry is removed by the
 * reactivate or unlock event, or after {@link GatewayConfig.DenyList#entryLifetime()}, when every
 * token issued before it has expired.
 */
@ApplicationScoped
public class DenyList {

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  @Inject
  public DenyList(GatewayConfig config) {
    this(config.denyList().entryLifetime(), Clock.systemUTC());
  }

  DenyList(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Records that the user may no longer use tokens issued up to {@code at}. */
  public void deny(String userId, Instant at, String reason) {
    entries.merge(
        userId, new Entry(at, reason), (old, added) -> added.at().isAfter(old.at()) ? added : old);
    Log.infof("User %s denied at the edge from %s (%s)", userId, at, reason);
  }

  /** Removes the user's entry unless it was recorded after {@code at}. */
  public void allow(String userId, Instant at, String reason) {
    Entry removed =
        entries.computeIfPresent(userId, (id, old) -> old.at().isAfter(at) ? old : null);
    if (removed == null) {
      Log.infof("User %s allowed at the edge again (%s)", userId, reason);
    }
  }

  /** Returns the reason if the token of the user issued at {@code issuedAt} must be rejected. */
  public Optional<String> denial(String userId, Instant issuedAt) {
    if (userId == null) {
      return Optional.empty();
    }
    Entry entry = entries.get(userId);
    if (entry == null || isExpired(entry)) {
      return Optional.empty();
    }
    // iat has whole seconds, so a token from the same second as the event counts as older.
    boolean issuedBefore =
        issuedAt == null || issuedAt.getEpochSecond() <= entry.at().getEpochSecond();
    return issuedBefore ? Optional.of(entry.reason()) : Optional.empty();
  }

  public int size() {
    return entries.size();
  }

  @Scheduled(every = "60s", delayed = "60s")
  void removeExpired() {
    entries.values().removeIf(this::isExpired);
  }

  private boolean isExpired(Entry entry) {
    return entry.at().plus(lifetime).isBefore(clock.instant());
  }

  private record Entry(Instant at, String reason) {}
}
