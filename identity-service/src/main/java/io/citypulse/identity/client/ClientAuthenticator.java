package io.citypulse.identity.client;

import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.token.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates the client of a token or revocation request: HTTP Basic ({@code
 * client_secret_basic}), form fields ({@code client_secret_post}), or the client id alone for a
 * public client.
 */
@ApplicationScoped
public class ClientAuthenticator {

  private final ClientRepository clients;
  private final PasswordHasher hasher;

  public ClientAuthenticator(ClientRepository clients, PasswordHasher hasher) {
    this.clients = clients;
    this.hasher = hasher;
  }

  /** Returns the authenticated client or throws {@code invalid_client}. */
  public Client authenticate(String authorization, String formClientId, String formSecret) {
    ClientCredentials credentials = credentials(authorization, formClientId, formSecret);
    Client client = clients.findById(credentials.id()).orElse(null);
    if (client == null) {
      throw OAuthException.invalidClient("Client authentication failed.");
    }
    if (client.isPublic()) {
      if (credentials.secret() != null) {
        throw OAuthException.invalidClient(
            "Client '" + client.id() + "' is public and must not send a client secret.");
      }
      return client;
    }
    if (credentials.secret() == null || !hasher.verify(credentials.secret(), client.secretHash())) {
      throw OAuthException.invalidClient("Client authentication failed.");
    }
    return client;
  }

  private record ClientCredentials(String id, String secret) {}

  private static ClientCredentials credentials(
      String authorization, String formClientId, String formSecret) {
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      if (formSecret != null) {
        throw OAuthException.invalidRequest("Use one client authentication method, not two.");
      }
      return basic(authorization.substring(6).trim());
    }
    if (formClientId == null || formClientId.isBlank()) {
      throw OAuthException.invalidClient(
          "Client authentication is missing: send HTTP Basic credentials or client_id.");
    }
    return new ClientCredentials(formClientId, formSecret);
  }

  private static ClientCredentials basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OAuthException.invalidClient("The Basic credentials are not valid Base64.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw OAuthException.invalidClient("The Basic credentials have no ':' separator.");
    }
    // RFC 6749 section 2.3.1: id and secret are form-URL-encoded before Base64.
    return new ClientCredentials(
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
  }
}
