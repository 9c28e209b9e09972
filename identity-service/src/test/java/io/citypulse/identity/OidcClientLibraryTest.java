package io.citypulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.citypulse.access.Role;
import io.citypulse.identity.user.User;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The Nimbus OAuth 2.0 SDK, an independent OIDC client, talks to the running provider. */
@QuarkusTest
class OidcClientLibraryTest {

  private static final ClientID DASHBOARD = new ClientID(Fixtures.DASHBOARD);

  @ConfigProperty(name = "citypulse.identity.issuer")
  String issuerUrl;

  @Test
  void nimbusDiscoversLogsInRefreshesAndValidates() throws Exception {
    User user = Fixtures.user(Role.GEBAEUDEVERWALTER, "rathaus");
    Issuer issuer = new Issuer(issuerUrl);
    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);

    OIDCTokens tokens =
        tokens(
            new TokenRequest(
                metadata.getTokenEndpointURI(),
                DASHBOARD,
                new ResourceOwnerPasswordCredentialsGrant(
                    user.email(), new Secret(Fixtures.PASSWORD)),
                new Scope("openid", "profile", "email")));
    IDTokenValidator idTokens =
        new IDTokenValidator(
            issuer, DASHBOARD, JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL());
    IDTokenClaimsSet idClaims = idTokens.validate(tokens.getIDToken(), null);
    assertEquals(user.id().toString(), idClaims.getSubject().getValue());
    JWTClaimsSet access = verifyAccessToken(metadata, tokens.getAccessToken().getValue());
    assertEquals(List.of("gebaeudeverwalter"), access.getStringListClaim("groups"));
    assertEquals(List.of("rathaus"), access.getStringListClaim("buildings"));

    OIDCTokens refreshed =
        tokens(
            new TokenRequest(
                metadata.getTokenEndpointURI(),
                DASHBOARD,
                new RefreshTokenGrant(tokens.getRefreshToken())));
    assertNotEquals(tokens.getRefreshToken().getValue(), refreshed.getRefreshToken().getValue());
    JWTClaimsSet refreshedAccess =
        verifyAccessToken(metadata, refreshed.getAccessToken().getValue());
    assertEquals(user.email(), refreshedAccess.getStringClaim("email"));
    idTokens.validate(refreshed.getIDToken(), null);
  }

  private static OIDCTokens tokens(TokenRequest request) throws Exception {
    TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    assertTrue(
        response.indicatesSuccess(), () -> response.toErrorResponse().toJSONObject().toString());
    return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
  }

  private JWTClaimsSet verifyAccessToken(OIDCProviderMetadata metadata, String token)
      throws Exception {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(false).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuerUrl).build(),
            Set.of("sub", "exp", "iat", "email", "name", "groups", "buildings", "scope")));
    return processor.process(token, null);
  }
}
