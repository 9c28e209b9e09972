package io.citypulse.access.token;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Maps the claims of a verified access token to a caller: the role from {@code groups} (the first
 * CityPulse role in it), the assigned buildings from {@code buildings}, the scopes from the
 * space-separated {@code scope}, and the token's issue and expiry times.
 */
public final class TokenClaims {

  private TokenClaims() {}

  public static VerifiedCaller toCaller(SecurityIdentity identity) {
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
    return new VerifiedCaller(new Caller(subject, role, buildings, scopes), issuedAt, expiresAt);
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
