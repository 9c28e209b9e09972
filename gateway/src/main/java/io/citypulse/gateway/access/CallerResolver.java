package io.citypulse.gateway.access;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens with quarkus-oidc (signature against the issuer's JWKS from discovery,
 * issuer, expiry) without blocking, and turns them into callers. The same check serves HTTP
 * requests and WebSocket connections, whose token may arrive in a message.
 *
 * <p>TODO: the claim mapping is the same as sensor-ingest-service's; move it to libs/access-model
 * once a third service needs it.
 */
@ApplicationScoped
public class CallerResolver {

  private static final String BEARER = "bearer ";

  private final TenantIdentityProvider identities;

  /** The provider of the default tenant, configured by {@code quarkus.oidc.*}. */
  public CallerResolver(TenantIdentityProvider identities) {
    this.identities = identities;
  }

  /** Returns the token of an {@code Authorization: Bearer} header, or null for any other value. */
  public static String bearerToken(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()) {
      return null;
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  /** Verifies the token; the Uni fails with an authentication error for a rejected token. */
  public Uni<VerifiedCaller> verify(String token) {
    return identities.authenticate(new AccessTokenCredential(token)).map(CallerResolver::toCaller);
  }

  static VerifiedCaller toCaller(SecurityIdentity identity) {
    if (identity.isAnonymous()) {
      return VerifiedCaller.ANONYMOUS;
    }
    Optional<Role> role =
        identity.getRoles().stream().map(Role::fromId).flatMap(Optional::stream).findFirst();
    String subject = identity.getPrincipal().getName();
    Set<String> buildings = Set.of();
    Set<String> scopes = Set.of();
    Instant issuedAt = null;
    Instant expiresAt = null;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      subject = token.getSubject() != null ? token.getSubject() : subject;
      buildings = strings(token.getClaim("buildings"));
      Object scope = token.getClaim("scope");
      scopes = scope == null ? Set.of() : Set.of(scope.toString().replace("\"", "").split(" "));
      issuedAt =
          token.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(token.getIssuedAtTime()) : null;
      expiresAt =
          token.getExpirationTime() > 0 ? Instant.ofEpochSecond(token.getExpirationTime()) : null;
    }
    Caller caller = new Caller(subject, role, buildings, scopes);
    return new VerifiedCaller(caller, issuedAt, expiresAt);
  }

  private static Set<String> strings(Object claim) {
    Set<String> values = new HashSet<>();
    if (claim instanceof JsonArray array) {
      array.getValuesAs(JsonString.class).forEach(value -> values.add(value.getString()));
    } else if (claim instanceof Collection<?> collection) {
      collection.forEach(value -> values.add(String.valueOf(value)));
    } else if (claim instanceof String single) {
      values.add(single);
    }
    return Set.copyOf(values);
  }
}
