package io.citypulse.gateway.ratelimit;

import io.citypulse.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits per route group and per caller: the user's {@code sub}, or the client IP for
 * anonymous requests. Buckets live in memory, so each replica limits on its own.
 */
@ApplicationScoped
public class RateLimiter {

  /** Group of GET, HEAD and OPTIONS requests that no path group matches. */
  public static final String READ = "read";

  /** Group of all other methods that no path group matches. */
  public static final String WRITE = "write";

  private final GatewayConfig.RateLimits config;
  private final List<PathGroup> pathGroups = new ArrayList<>();
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(GatewayConfig config) {
    this.config = config.rateLimits();
    this.config
        .groups()
        .forEach(
            (name, limit) ->
                limit
                    .prefixes()
                    .orElse(List.of())
                    .forEach(p -> pathGroups.add(new PathGroup(name, p))));
    // Longer prefixes first, so /api/ingest/x matches a group of /api/ingest before one of /api.
    pathGroups.sort((a, b) -> b.prefix().length() - a.prefix().length());
  }

  /** Returns the group of a request. */
  public String group(String method, String path) {
    for (PathGroup group : pathGroups) {
      if (path.equals(group.prefix()) || path.startsWith(group.prefix() + "/")) {
        return group.name();
      }
    }
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> READ;
      default -> WRITE;
    };
  }

  /**
   * Takes a token for the caller in the group. Returns empty when the request may pass, else the
   * seconds the caller should wait, for {@code Retry-After}.
   */
  public Optional<Long> acquire(String group, String callerKey) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    GatewayConfig.Limit limit = config.groups().get(group);
    if (limit == null) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            group + '|' + callerKey,
            key -> new TokenBucket(limit.burst(), limit.requestsPerMinute(), now));
    long waitNanos = bucket.tryTake(now);
    if (waitNanos == 0) {
      return Optional.empty();
    }
    return Optional.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
  }

  /** Returns the limit of a group, or null when the group is not limited. */
  public GatewayConfig.Limit limit(String group) {
    return config.groups().get(group);
  }

  @Scheduled(every = "60s", delayed = "60s")
  void evictIdle() {
    long cutoff = System.nanoTime() - config.idleEviction().toNanos();
    buckets.values().removeIf(bucket -> bucket.lastUsed() < cutoff);
  }

  private record PathGroup(String name, String prefix) {}
}
