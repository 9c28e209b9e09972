package io.citypulse.access.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.access.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The cache in front of quarkus-oidc. The issuer here is a stand-in that accepts tokens named
 * "good-*" and counts its verifications. Signature checks themselves are tested against a real
 * issuer in the services' access tests.
 */
class TokenVerifierTest {

  private final AtomicInteger checks = new AtomicInteger();
  private volatile Instant expiresAt = Instant.now().plusSeconds(300);

  private final TenantIdentityProvider issuer =
      credential -> {
        checks.incrementAndGet();
        if (!credential.getToken().startsWith("good-")) {
          return Uni.createFrom().failure(new AuthenticationFailedException("bad signature"));
        }
        return Uni.createFrom().item(identity(credential, expiresAt));
      };

  @Test
  void acceptedTokenIsCheckedOnce() {
    TokenVerifier verifier = verifier(Duration.ofMinutes(1));

    VerifiedCaller first = verifier.verify("good-1").await().indefinitely();
    VerifiedCaller second = verifier.verify("good-1").await().indefinitely();

    assertEquals(1, checks.get());
    assertEquals(first, second);
    assertEquals("user-1", second.caller().subject());
    assertEquals(Role.GEBAEUDEVERWALTER, second.caller().role().orElseThrow());
    assertEquals(Set.of("rathaus"), second.caller().buildings());
  }

  @Test
  void rejectedTokenIsCheckedEveryTime() {
    TokenVerifier verifier = verifier(Duration.ofMinutes(1));

    for (int i = 0; i < 3; i++) {
      assertThrows(
          AuthenticationFailedException.class,
          () -> verifier.verify("tampered").await().indefinitely());
    }

    assertEquals(3, checks.get());
  }

  @Test
  void tokenIsCheckedAgainAfterMaxAge() throws InterruptedException {
    TokenVerifier verifier = verifier(Duration.ofMillis(200));
    verifier.verify("good-2").await().indefinitely();

    Thread.sleep(400);
    verifier.verify("good-2").await().indefinitely();

    assertEquals(2, checks.get());
  }

  @Test
  void tokenIsNotKeptPastItsExpiry() throws InterruptedException {
    expiresAt = Instant.now().plusMillis(1500);
    TokenVerifier verifier = verifier(Duration.ofMinutes(1));
    verifier.verify("good-3").await().indefinitely();
    verifier.verify("good-3").await().indefinitely();
    assertEquals(1, checks.get());

    Thread.sleep(2000);
    expiresAt = Instant.now().minusSeconds(1);
    // The issuer now returns an expired token's identity, so a third verification proves that the
    // cache did not return the entry past the token's expiry.
    verifier.verify("good-3").await().indefinitely();

    assertEquals(2, checks.get());
  }

  @Test
  void cacheOfSizeZeroChecksEveryTime() {
    TokenVerifier verifier =
        new TokenVerifier(issuer, new SimpleMeterRegistry(), 0, Duration.ofMinutes(1));

    verifier.verify("good-4").await().indefinitely();
    verifier.verify("good-4").await().indefinitely();

    assertEquals(2, checks.get());
  }

  @Test
  void bearerHeaderParsing() {
    assertEquals("abc", BearerTokens.fromHeader("Bearer abc"));
    assertEquals("abc", BearerTokens.fromHeader("bearer  abc "));
    assertNull(BearerTokens.fromHeader("Basic abc"));
    assertNull(BearerTokens.fromHeader("Bearer "));
    assertNull(BearerTokens.fromHeader(null));
  }

  @Test
  void anonymousIdentityMapsToAnonymousCaller() {
    VerifiedCaller caller =
        TokenClaims.toCaller(QuarkusSecurityIdentity.builder().setAnonymous(true).build());

    assertTrue(caller.caller().isAnonymous());
    assertFalse(caller.isExpiredAt(Instant.now()));
  }

  private TokenVerifier verifier(Duration maxAge) {
    return new TokenVerifier(issuer, new SimpleMeterRegistry(), 100, maxAge);
  }

  private static SecurityIdentity identity(AccessTokenCredential credential, Instant expiresAt) {
    String subject = "user-" + credential.getToken().substring("good-".length());
    Map<String, Object> claims =
        Map.of(
            "sub", subject,
            "iat", Instant.now().getEpochSecond(),
            "exp", expiresAt.getEpochSecond(),
            "buildings", List.of("rathaus"),
            "groups", Set.of("gebaeudeverwalter"));
    JsonWebToken token = new Claims(subject, claims);
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(token)
        .addRole("gebaeudeverwalter")
        .addCredential(credential)
        .build();
  }

  private record Claims(String name, Map<String, Object> claims) implements JsonWebToken {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
      return (T) claims.get(claimName);
    }
  }
}
