package io.citypulse.identity.session;

import java.time.Instant;
import java.util.UUID;

/** A login session: one refresh-token family of one user and client. */
public record Session(
    UUID id,
    UUID userId,
    String clientId,
    String scope,
    String ip,
    String userAgent,
    Instant createdAt,
    Instant lastActivityAt,
    Instant revokedAt,
    String revokeReason) {

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
