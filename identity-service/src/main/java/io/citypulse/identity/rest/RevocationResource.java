package io.citypulse.identity.rest;

import io.citypulse.identity.client.Client;
import io.citypulse.identity.client.ClientAuthenticator;
import io.citypulse.identity.session.SessionService;
import io.citypulse.identity.token.OAuthException;
import io.citypulse.identity.token.TokenVerifier;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;

/**
 * Token revocation (RFC 7009). A refresh token revokes its session. An access token revokes the
 * session named by its {@code sid} claim; the access token itself stays valid until it expires,
 * because access tokens are verified without a call to this service.
 */
@Path("/oauth2/revoke")
public class RevocationResource {

  private final ClientAuthenticator clientAuthenticator;
  private final SessionService sessions;
  private final TokenVerifier verifier;

  public RevocationResource(
      ClientAuthenticator clientAuthenticator, SessionService sessions, TokenVerifier verifier) {
    this.clientAuthenticator = clientAuthenticator;
    this.sessions = sessions;
    this.verifier = verifier;
  }

  /** Returns 200 for unknown or invalid tokens too, as RFC 7009 section 2.2 requires. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(
      MultivaluedMap<String, String> form,
      @HeaderParam("Authorization") String authorization,
      @Context HttpServerRequest request) {
    Client client =
        clientAuthenticator.authenticate(
            authorization, form.getFirst("client_id"), form.getFirst("client_secret"));
    String token = form.getFirst("token");
    if (token == null || token.isEmpty()) {
      throw OAuthException.invalidRequest("Parameter 'token' is missing.");
    }

    boolean revoked = false;
    if (!"access_token".equals(form.getFirst("token_type_hint"))) {
      revoked = sessions.revokeByRefreshToken(token, client.id(), Origins.of(request));
    }
    if (!revoked && token.chars().filter(c -> c == '.').count() == 2) {
      revokeSessionOf(token, client, request);
    }
    return Response.ok().header("Cache-Control", "no-store").build();
  }

  private void revokeSessionOf(String accessToken, Client client, HttpServerRequest request) {
    try {
      JwtClaims claims = verifier.verify(accessToken);
      String sessionId = claims.getClaimValueAsString("sid");
      if (sessionId != null && client.id().equals(claims.getClaimValueAsString("client_id"))) {
        sessions.revokeSession(UUID.fromString(sessionId), client.id(), Origins.of(request));
      }
    } catch (OAuthException | IllegalArgumentException e) {
      // An invalid token needs no revocation.
    }
  }
}
