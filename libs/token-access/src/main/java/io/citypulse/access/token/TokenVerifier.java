package io.citypulse.access.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies access tokens with quarkus-oidc (signature against the issuer's keys from discovery,
 * issuer, expiry) without blocking, and remembers each accepted token for a short while.
 *
 * <p>Parsing a token and checking its RS256 signature costs more CPU than the rest of a proxied
 * request, and a dashboard sends the same token with every request for five minutes. An accepted
 * token is therefore kept for {@code citypulse.access.token-cache.max-age} (one minute), never past
 * its own expiry. A rejected token is never kept, so a tampered or foreign token is checked each
 * time. A size or age of zero switches the cache off. Whether the user behind a token is still
 * active is not part of this check: callers check that per request (the gateway's deny-list). A key
 * withdrawn from the issuer's key set stops accepting its tokens at most {@code max-age} later.
 */
@ApplicationScoped
public class TokenVerifier {

  private final TenantIdentityProvider identities;

  /** Null when the cache is switched off with a size or age of zero. */
  private final Cache<String, VerifiedCaller> accepted;

  /** The provider of the default tenant, configured by {@code quarkus.oidc.*}. */
  public TokenVerifier(
      TenantIdentityProvider identities,
      MeterRegistry registry,
      @ConfigProperty(name = "citypulse.access.token-cache.max-size", defaultValue = "10000")
          long maxSize,
      @ConfigProperty(name = "citypulse.access.token-cache.max-age", defaultValue = "PT1M")
          Duration maxAge) {
    this.identities = identities;
    if (maxSize <= 0 || maxAge.isZero() || maxAge.isNegative()) {
      this.accepted = null;
      return;
    }
    this.accepted =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
            .expireAfter(new UntilExpiry(maxAge))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, accepted, "access-tokens");
  }

  /**
   * Verifies the token; the Uni fails with an authentication error for a rejected token. A token
   * accepted less than {@code max-age} ago is returned from memory.
   */
  public Uni<VerifiedCaller> verify(String token) {
    if (accepted == null) {
      return identities.authenticate(new AccessTokenCredential(token)).map(TokenClaims::toCaller);
    }
    VerifiedCaller known = accepted.getIfPresent(token);
    if (known != null && !known.isExpiredAt(Instant.now())) {
      return Uni.createFrom().item(known);
    }
    return identities
        .authenticate(new AccessTokenCredential(token))
        .map(TokenClaims::toCaller)
        .invoke(
            caller -> {
              if (!caller.caller().isAnonymous()) {
                accepted.put(token, caller);
              }
            });
  }

  /** Keeps an entry for the configured age, or until the token expires if that comes first. */
  private record UntilExpiry(Duration maxAge) implements Expiry<String, VerifiedCaller> {

    @Override
    public long expireAfterCreate(String token, VerifiedCaller caller, long currentTime) {
      long nanos = maxAge.toNanos();
      if (caller.expiresAt() != null) {
        long untilExpiry = Duration.between(Instant.now(), caller.expiresAt()).toNanos();
        nanos = Math.min(nanos, Math.max(0, untilExpiry));
      }
      return nanos;
    }

    @Override
    public long expireAfterUpdate(
        String token, VerifiedCaller caller, long currentTime, long currentDuration) {
      return expireAfterCreate(token, caller, currentTime);
    }

    @Override
    public long expireAfterRead(
        String token, VerifiedCaller caller, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
