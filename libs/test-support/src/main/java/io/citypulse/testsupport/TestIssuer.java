package io.citypulse.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An OpenID Provider for tests of resource servers: it serves a discovery document and a JWKS over
 * HTTP on 127.0.0.1 and signs RS256 access tokens with the claims identity-service issues ({@code
 * sub}, {@code email}, {@code name}, {@code groups}, {@code buildings}, {@code scope}). The
 * services under test verify these tokens through quarkus-oidc discovery, as in production. It also
 * makes the broken tokens that must be refused: expired, from another issuer, tampered.
 */
public final class TestIssuer {

  private static TestIssuer instance;

  private final HttpServer server;
  private final String issuer;
  private final RsaJsonWebKey key;
  private final RsaJsonWebKey foreignKey;

  private TestIssuer(HttpServer server, RsaJsonWebKey key, RsaJsonWebKey foreignKey) {
    this.server = server;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    this.key = key;
    this.foreignKey = foreignKey;
  }

  /** Returns the running issuer of this JVM, starting it on first use. */
  public static synchronized TestIssuer get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static TestIssuer start() {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("test-key-1");
      RsaJsonWebKey foreignKey = RsaJwkGenerator.generateJwk(2048);
      foreignKey.setKeyId("foreign-key");
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIssuer issuer = new TestIssuer(server, key, foreignKey);
      server.createContext("/issuer/.well-known/openid-configuration", issuer::discovery);
      server.createContext("/issuer/jwks", issuer::jwks);
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
      return issuer;
    } catch (JoseException e) {
      throw new IllegalStateException("Generating the test signing key failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the test issuer failed", e);
    }
  }

  /** Returns the issuer URL, which is also the {@code auth-server-url} for quarkus-oidc. */
  public String issuer() {
    return issuer;
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String body =
        "{\"issuer\":\""
            + issuer
            + "\",\"jwks_uri\":\""
            + issuer
            + "/jwks\",\"token_endpoint\":\""
            + issuer
            + "/token\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    respond(exchange, body);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    respond(exchange, new JsonWebKeySet(key).toJson());
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Starts a token for a user with a role id (or none) and assigned buildings. */
  public TokenBuilder user(String subject, String role, String... buildings) {
    return new TokenBuilder(subject, role, List.of(buildings));
  }

  /** Starts a token for a machine client with the given scopes and no role. */
  public TokenBuilder client(String clientId, String... scopes) {
    return new TokenBuilder(clientId, null, List.of()).scope(String.join(" ", scopes));
  }

  /** Builder of signed test tokens. */
  public final class TokenBuilder {
    private final String subject;
    private final String role;
    private final List<String> buildings;
    private String scope = "openid";
    private Duration lifetime = Duration.ofMinutes(5);
    private Instant issuedAt = Instant.now();

    private TokenBuilder(String subject, String role, List<String> buildings) {
      this.subject = subject;
      this.role = role;
      this.buildings = buildings;
    }

    public TokenBuilder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** Makes a token that expired an hour ago. */
    public TokenBuilder expired() {
      this.issuedAt = Instant.now().minus(Duration.ofHours(2));
      this.lifetime = Duration.ofMinutes(5);
      return this;
    }

    /** Signs the token with this issuer's key. */
    public String sign() {
      return sign(claims(issuer), key);
    }

    /** Signs the token with another key and names another issuer. */
    public String signByOtherIssuer() {
      return sign(claims("http://127.0.0.1:1/other-issuer"), foreignKey);
    }

    /** Signs the token, then changes its payload so the signature no longer matches. */
    public String signTampered() {
      String token = sign();
      String[] parts = token.split("\\.");
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      String forged = payload.replace("\"sub\":\"" + subject + "\"", "\"sub\":\"someone-else\"");
      if (forged.equals(payload)) {
        throw new IllegalStateException("Tampering failed: subject not found in " + payload);
      }
      String encoded =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
      return parts[0] + "." + encoded + "." + parts[2];
    }

    private JwtClaims claims(String issuerUrl) {
      JwtClaims claims = new JwtClaims();
      claims.setIssuer(issuerUrl);
      claims.setSubject(subject);
      claims.setIssuedAt(NumericDate.fromMilliseconds(issuedAt.toEpochMilli()));
      claims.setExpirationTime(
          NumericDate.fromMilliseconds(issuedAt.plus(lifetime).toEpochMilli()));
      claims.setClaim("scope", scope);
      if (role != null) {
        claims.setClaim("email", subject + "@hechingen.de");
        claims.setClaim("name", "Test " + subject);
        claims.setStringListClaim("groups", role);
        claims.setStringListClaim("buildings", buildings);
      } else {
        claims.setClaim("client_id", subject);
      }
      return claims;
    }

    private String sign(JwtClaims claims, RsaJsonWebKey signingKey) {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(signingKey.getPrivateKey());
      jws.setKeyIdHeaderValue(signingKey.getKeyId());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      try {
        return jws.getCompactSerialization();
      } catch (JoseException e) {
        throw new IllegalStateException("Signing a test token failed", e);
      }
    }
  }
}
