package io.citypulse.identity.token;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.key.SigningKey;
import io.citypulse.identity.key.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies tokens this service signed (jose4j): RS256 signature by a published key, issuer, expiry.
 * When the {@code kid} is unknown the keys are read again, at most every few seconds, in case
 * another replica rotated them.
 */
@ApplicationScoped
public class TokenVerifier {

  private static final int CLOCK_SKEW_SECONDS = 30;

  private final SigningKeys keys;
  private final IdentityConfig config;

  public TokenVerifier(SigningKeys keys, IdentityConfig config) {
    this.keys = keys;
    this.config = config;
  }

  /** Returns the verified claims or throws {@code invalid_token}. */
  public JwtClaims verify(String token) {
    String kid = keyId(token);
    if (keys.published().stream().noneMatch(key -> key.kid().equals(kid))) {
      keys.reloadUnlessFresh();
    }
    try {
      return consumer().processToClaims(token);
    } catch (InvalidJwtException e) {
      throw OAuthException.invalidToken(
          e.hasExpired() ? "The access token has expired." : "The access token is invalid.");
    }
  }

  private static String keyId(String token) {
    try {
      return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
    } catch (JoseException e) {
      throw OAuthException.invalidToken("The access token is not a JWT.");
    }
  }

  private JwtConsumer consumer() {
    List<JsonWebKey> published =
        keys.published().stream().map(SigningKey::publicJwk).map(JsonWebKey.class::cast).toList();
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(new JwksVerificationKeyResolver(published))
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setExpectedIssuer(config.issuer())
        .setRequireExpirationTime()
        .setRequireSubject()
        .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
        .setSkipDefaultAudienceValidation()
        .build();
  }
}
