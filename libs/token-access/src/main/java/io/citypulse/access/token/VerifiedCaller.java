package io.citypulse.access.token;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import java.time.Instant;

/**
 * A caller whose access token was verified, with the token's issue and expiry times; or the
 * anonymous caller, whose times are null.
 */
public record VerifiedCaller(Caller caller, Instant issuedAt, Instant expiresAt) {

  public static final VerifiedCaller ANONYMOUS = new VerifiedCaller(Caller.anonymous(), null, null);

  /** The subject for logs, audit and rate limits, {@code anonymous} without a token. */
  public String actorId() {
    return caller.isAnonymous() ? "anonymous" : caller.subject();
  }

  /** The role id, or null for anonymous callers and machine clients. */
  public String roleId() {
    return caller.role().map(Role::id).orElse(null);
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
