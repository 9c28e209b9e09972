package io.citypulse.ingest.access;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of the current request from its access token, without blocking: the identity
 * is verified by quarkus-oidc on first use, and a rejected token fails the Uni with an
 * authentication error that becomes a 401.
 */
@ApplicationScoped
public class CallerResolver {

  private final CurrentIdentityAssociation identities;

  public CallerResolver(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  public Uni<Caller> current() {
    return identities.getDeferredIdentity().map(CallerResolver::toCaller);
  }

  static Caller toCaller(SecurityIdentity identity) {
    if (identity.isAnonymous()) {
      return Caller.anonymous();
    }
    Optional<Role> role =
        identity.getRoles().stream().map(Role::fromId).flatMap(Optional::stream).findFirst();
    Set<String> buildings = Set.of();
    Set<String> scopes = Set.of();
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      buildings = strings(token.getClaim("buildings"));
      Object scope = token.getClaim("scope");
      scopes = scope == null ? Set.of() : Set.of(scope.toString().replace("\"", "").split(" "));
    }
    return new Caller(identity.getPrincipal().getName(), role, buildings, scopes);
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
