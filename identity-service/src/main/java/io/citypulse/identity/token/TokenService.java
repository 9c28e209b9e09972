package io.citypulse.identity.token;

import io.citypulse.identity.client.Client;
import io.citypulse.identity.client.ClientAuthenticator;
import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.RequestOrigin;
import io.citypulse.identity.login.LoginResult;
import io.citypulse.identity.login.LoginService;
import io.citypulse.identity.metrics.IdentityMetrics;
import io.citypulse.identity.session.RefreshOutcome;
import io.citypulse.identity.session.Session;
import io.citypulse.identity.session.SessionService;
import io.citypulse.identity.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** The grants of the token endpoint: password, refresh_token and client_credentials. */
@ApplicationScoped
public class TokenService {

  public static final String PASSWORD = "password";
  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  private final ClientAuthenticator clientAuthenticator;
  private final LoginService logins;
  private final SessionService sessions;
  private final TokenIssuer issuer;
  private final IdentityMetrics metrics;
  private final IdentityConfig config;

  public TokenService(
      ClientAuthenticator clientAuthenticator,
      LoginService logins,
      SessionService sessions,
      TokenIssuer issuer,
      IdentityMetrics metrics,
      IdentityConfig config) {
    this.clientAuthenticator = clientAuthenticator;
    this.logins = logins;
    this.sessions = sessions;
    this.issuer = issuer;
    this.metrics = metrics;
    this.config = config;
  }

  /** Parameters of a token request, as sent in the form body and the Authorization header. */
  public record TokenRequest(
      String grantType,
      String authorization,
      String clientId,
      String clientSecret,
      String username,
      String password,
      String refreshToken,
      String scope) {}

  /** Authenticates the client and runs the requested grant. */
  public TokenResponse token(TokenRequest request, RequestOrigin origin) {
    if (request.grantType() == null) {
      throw OAuthException.invalidRequest("Parameter 'grant_type' is missing.");
    }
    Client client =
        clientAuthenticator.authenticate(
            request.authorization(), request.clientId(), request.clientSecret());
    if (!client.allowsGrant(request.grantType())) {
      throw new OAuthException(
          400,
          isSupported(request.grantType()) ? "unauthorized_client" : "unsupported_grant_type",
          "Client '" + client.id() + "' may not use grant type '" + request.grantType() + "'.");
    }
    return switch (request.grantType()) {
      case PASSWORD -> passwordGrant(client, request, origin);
      case REFRESH_TOKEN -> refreshGrant(client, request, origin);
      case CLIENT_CREDENTIALS -> clientCredentialsGrant(client, request);
      default ->
          throw new OAuthException(
              400,
              "unsupported_grant_type",
              "Grant type '" + request.grantType() + "' is not supported.");
    };
  }

  private static boolean isSupported(String grantType) {
    return Arrays.asList(PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS).contains(grantType);
  }

  private TokenResponse passwordGrant(Client client, TokenRequest request, RequestOrigin origin) {
    require(request.username(), "username");
    require(request.password(), "password");
    String scope = Scopes.resolve(request.scope(), client.scopes());

    LoginResult result = logins.login(request.username(), request.password(), origin);
    if (result instanceof LoginResult.Succeeded succeeded) {
      User user = succeeded.user();
      return user.mustChangePassword()
          ? passwordChangeResponse(user, client)
          : sessionResponse(user, client, scope, origin);
    }
    if (result instanceof LoginResult.Inactive inactive) {
      throw OAuthException.invalidGrant(
          "The account is "
              + inactive.user().status().id()
              + ". Ask an administrator to reactivate it.");
    }
    if (result instanceof LoginResult.Locked) {
      throw OAuthException.invalidGrant(
          "The account is locked. Try again later or ask an administrator to unlock it.");
    }
    throw OAuthException.invalidGrant("The e-mail address or the password is wrong.");
  }

  private TokenResponse sessionResponse(
      User user, Client client, String scope, RequestOrigin origin) {
    SessionService.Started started = sessions.start(user, client.id(), scope, origin);
    TokenIssuer.SignedToken access =
        issuer.accessToken(user, client.id(), scope, started.session().id());
    String idToken =
        Scopes.contains(scope, "openid")
            ? issuer.idToken(user, client.id(), started.session().id(), Instant.now()).value()
            : null;
    metrics.tokenIssued(PASSWORD);
    return new TokenResponse(
        access.value(),
        "Bearer",
        config.tokens().accessTokenLifetime().toSeconds(),
        started.refreshToken(),
        idToken,
        scope,
        null);
  }

  private TokenResponse passwordChangeResponse(User user, Client client) {
    TokenIssuer.SignedToken token = issuer.passwordChangeToken(user, client.id());
    metrics.tokenIssued(PASSWORD);
    return new TokenResponse(
        token.value(),
        "Bearer",
        config.tokens().passwordChangeTokenLifetime().toSeconds(),
        null,
        null,
        TokenIssuer.PASSWORD_CHANGE_SCOPE,
        true);
  }

  private TokenResponse refreshGrant(Client client, TokenRequest request, RequestOrigin origin) {
    require(request.refreshToken(), "refresh_token");
    RefreshOutcome outcome = sessions.rotate(request.refreshToken(), client.id(), origin);
    if (outcome instanceof RefreshOutcome.Rejected rejected) {
      throw OAuthException.invalidGrant(rejected.reason());
    }
    RefreshOutcome.Rotated rotated = (RefreshOutcome.Rotated) outcome;
    Session session = rotated.session();
    String scope = Scopes.resolve(request.scope(), Arrays.asList(session.scope().split(" ")));
    UUID sessionId = session.id();
    TokenIssuer.SignedToken access =
        issuer.accessToken(rotated.user(), client.id(), scope, sessionId);
    String idToken =
        Scopes.contains(scope, "openid")
            ? issuer.idToken(rotated.user(), client.id(), sessionId, session.createdAt()).value()
            : null;
    metrics.tokenIssued(REFRESH_TOKEN);
    return new TokenResponse(
        access.value(),
        "Bearer",
        config.tokens().accessTokenLifetime().toSeconds(),
        rotated.refreshToken(),
        idToken,
        scope,
        null);
  }

  private TokenResponse clientCredentialsGrant(Client client, TokenRequest request) {
    if (client.isPublic()) {
      throw new OAuthException(
          400, "unauthorized_client", "A public client cannot use client_credentials.");
    }
    String scope = Scopes.resolve(request.scope(), client.scopes());
    TokenIssuer.SignedToken access = issuer.clientToken(client.id(), scope);
    metrics.tokenIssued(CLIENT_CREDENTIALS);
    return new TokenResponse(
        access.value(),
        "Bearer",
        config.tokens().accessTokenLifetime().toSeconds(),
        null,
        null,
        scope,
        null);
  }

  private static void require(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw OAuthException.invalidRequest("Parameter '" + name + "' is missing.");
    }
  }
}
