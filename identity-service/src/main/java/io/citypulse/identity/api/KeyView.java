package io.citypulse.identity.api;

import io.citypulse.identity.key.SigningKey;
import java.time.Instant;

/** A published signing key, without its private part. */
public record KeyView(
    String kid, boolean active, Instant createdAt, Instant retiredAt, Instant publishedUntil) {

  public static KeyView of(SigningKey key) {
    return new KeyView(
        key.kid(), key.isActive(), key.createdAt(), key.retiredAt(), key.publishedUntil());
  }
}
