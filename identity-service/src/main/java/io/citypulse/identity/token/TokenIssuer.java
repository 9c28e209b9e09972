package io.citypulse.identity.token;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.key.SigningKey;
import io.citypulse.identity.key.SigningKeys;
import io.citypulse.identity.user.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs access tokens and ID tokens with the active key (RS256, SmallRye JWT). */
@ApplicationScoped
public class TokenIssuer {

  /** Scope of a token that only allows {@code POST /api/identity/me/password}. */
  public static final String PASSWORD_CHANGE_SCOPE = "password-change";

  private final SigningKeys keys;
  private final IdentityConfig config;

  public TokenIssuer(SigningKeys keys, IdentityConfig config) {
    this.keys = keys;
    this.config = config;
  }

  /** A signed token with its expiry. */
  public record SignedToken(String value, Instant expiresAt) {}

  /** Signs an access token of a user for a session. */
  public SignedToken accessToken(User user, String clientId, String scope, UUID sessionId) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(config.tokens().accessTokenLifetime());
    JwtClaimsBuilder claims =
        userClaims(user, now, expiresAt)
            .claim("client_id", clientId)
            .claim("scope", scope)
            .claim("sid", sessionId.toString());
    return new SignedToken(sign(claims), expiresAt);
  }

  /** Signs an ID token (OpenID Connect Core 1.0 section 2) for the password grant. */
  public SignedToken idToken(User user, String clientId, UUID sessionId, Instant authTime) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(config.tokens().accessTokenLifetime());
    JwtClaimsBuilder claims =
        userClaims(user, now, expiresAt)
            .audience(clientId)
            .claim("azp", clientId)
            .claim("auth_time", authTime.getEpochSecond())
            .claim("sid", sessionId.toString());
    return new SignedToken(sign(claims), expiresAt);
  }

  /** Signs a token that carries no role and only allows the password change. */
  public SignedToken passwordChangeToken(User user, String clientId) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(config.tokens().passwordChangeTokenLifetime());
    JwtClaimsBuilder claims =
        Jwt.issuer(config.issuer())
            .subject(user.id().toString())
            .claim("email", user.email())
            .claim("client_id", clientId)
            .claim("scope", PASSWORD_CHANGE_SCOPE)
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(expiresAt);
    return new SignedToken(sign(claims), expiresAt);
  }

  /** Signs an access token of a machine client; its subject is the client id. */
  public SignedToken clientToken(String clientId, String scope) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(config.tokens().accessTokenLifetime());
    JwtClaimsBuilder claims =
        Jwt.issuer(config.issuer())
            .subject(clientId)
            .claim("client_id", clientId)
            .claim("scope", scope)
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(expiresAt);
    return new SignedToken(sign(claims), expiresAt);
  }

  private JwtClaimsBuilder userClaims(User user, Instant now, Instant expiresAt) {
    return Jwt.issuer(config.issuer())
        .subject(user.id().toString())
        .claim("email", user.email())
        .claim("name", user.name())
        .groups(Set.of(user.role().id()))
        .claim("buildings", user.buildings())
        .claim("jti", UUID.randomUUID().toString())
        .issuedAt(now)
        .expiresAt(expiresAt);
  }

  private String sign(JwtClaimsBuilder claims) {
    SigningKey key = keys.active();
    return claims
        .jws()
        .algorithm(SignatureAlgorithm.RS256)
        .keyId(key.kid())
        .header("typ", "JWT")
        .sign(key.privateKey());
  }
}
