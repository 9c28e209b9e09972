package io.citypulse.identity.security;

import io.citypulse.identity.token.OAuthException;
import io.citypulse.identity.token.TokenIssuer;
import io.citypulse.identity.token.TokenVerifier;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Turns a verified access token into a security identity. A user token gets the user's current role
 * from the database, so a role change or deactivation takes effect here at once rather than when
 * the token expires.
 */
@ApplicationScoped
public class AccessTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** Identity attribute: the verified claims. */
  public static final String CLAIMS = "claims";

  private final TokenVerifier verifier;
  private final UserRepository users;

  public AccessTokenIdentityProvider(TokenVerifier verifier, UserRepository users) {
    this.verifier = verifier;
    this.users = users;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> identity(request.getToken().getToken()));
  }

  private SecurityIdentity identity(String token) {
    JwtClaims claims;
    String subject;
    try {
      claims = verifier.verify(token);
      subject = claims.getSubject();
    } catch (OAuthException | MalformedClaimException e) {
      throw new AuthenticationFailedException(e.getMessage(), e);
    }
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(subject))
            .addAttribute(CLAIMS, claims);
    if (!claims.hasClaim("email")) {
      return identity.build();
    }

    User user = userOf(subject).filter(User::isActive).orElse(null);
    if (user == null) {
      throw new AuthenticationFailedException("The user of the token is unknown or not active");
    }
    if (TokenIssuer.PASSWORD_CHANGE_SCOPE.equals(claims.getClaimValueAsString("scope"))) {
      return identity.addRole(Roles.PASSWORD_CHANGE).build();
    }
    return identity.addRole(Roles.USER).addRole(user.role().id()).build();
  }

  private Optional<User> userOf(String subject) {
    try {
      return users.findById(UUID.fromString(subject));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
