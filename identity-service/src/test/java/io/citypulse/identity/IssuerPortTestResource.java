package io.citypulse.identity;

import io.citypulse.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Picks a free port for the application under test and sets the issuer to it, because OIDC clients
 * check that the discovery document's issuer equals the URL they fetched it from. Also sets a
 * random key-encryption key, so the tests store signing keys encrypted, as production should.
 */
public class IssuerPortTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    int port = FreePorts.find();
    byte[] keyEncryptionKey = new byte[32];
    new SecureRandom().nextBytes(keyEncryptionKey);
    return Map.of(
        "quarkus.http.test-port",
        String.valueOf(port),
        "citypulse.identity.issuer",
        "http://127.0.0.1:" + port,
        "citypulse.identity.keys.encryption-key",
        Base64.getEncoder().encodeToString(keyEncryptionKey));
  }

  @Override
  public void stop() {
    // Nothing to stop: the port belongs to the application.
  }
}
