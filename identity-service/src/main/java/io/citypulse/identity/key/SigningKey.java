package io.citypulse.identity.key;

import java.security.PrivateKey;
import java.time.Instant;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * An RSA signing key. {@code publicJwk} carries the {@code kid}, the RFC 7638 thumbprint of the
 * public key; {@code privateKey} is null when the key was loaded for verification only.
 */
public record SigningKey(
    String kid,
    RsaJsonWebKey publicJwk,
    PrivateKey privateKey,
    Instant createdAt,
    Instant retiredAt,
    Instant publishedUntil) {

  public boolean isActive() {
    return retiredAt == null;
  }
}
