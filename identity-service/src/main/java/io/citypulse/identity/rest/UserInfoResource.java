package io.citypulse.identity.rest;

import io.citypulse.identity.token.OAuthException;
import io.citypulse.identity.token.TokenIssuer;
import io.citypulse.identity.token.TokenVerifier;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;

/**
 * The OpenID Connect UserInfo endpoint. It reads the user from the database, so it returns the
 * current role and buildings, and rejects the token of a user who is no longer active.
 */
@Path("/oauth2/userinfo")
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoResource {

  private final TokenVerifier verifier;
  private final UserRepository users;

  public UserInfoResource(TokenVerifier verifier, UserRepository users) {
    this.verifier = verifier;
    this.users = users;
  }

  @GET
  public Map<String, Object> get(@HeaderParam("Authorization") String authorization) {
    return userInfo(authorization);
  }

  @POST
  public Map<String, Object> post(@HeaderParam("Authorization") String authorization) {
    return userInfo(authorization);
  }

  private Map<String, Object> userInfo(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw OAuthException.invalidToken("Send the access token as 'Authorization: Bearer'.");
    }
    JwtClaims claims = verifier.verify(authorization.substring(7).trim());
    String scope = claims.getClaimValueAsString("scope");
    if (scope == null || TokenIssuer.PASSWORD_CHANGE_SCOPE.equals(scope)) {
      throw new OAuthException(403, "insufficient_scope", "The token has no user scope.");
    }
    User user = user(claims.getClaimValueAsString("sub"));

    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sub", user.id().toString());
    info.put("email", user.email());
    info.put("name", user.name());
    info.put("groups", List.of(user.role().id()));
    info.put("buildings", user.buildings());
    return info;
  }

  private User user(String subject) {
    try {
      return users
          .findById(UUID.fromString(subject))
          .filter(User::isActive)
          .orElseThrow(() -> OAuthException.invalidToken("The user is unknown or not active."));
    } catch (IllegalArgumentException e) {
      throw OAuthException.invalidToken("The token does not belong to a user.");
    }
  }
}
