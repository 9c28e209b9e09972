package io.citypulse.identity;

import io.citypulse.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Picks a free port for the application under test and sets the issuer to it, because OIDC clients
 * check that the discovery document's issuer equals the URL they fetched it from.
 */
public class IssuerPortTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    int port = FreePorts.find();
    return Map.of(
        "quarkus.http.test-port",
        String.valueOf(port),
        "citypulse.identity.issuer",
        "http://127.0.0.1:" + port);
  }

  @Override
  public void stop() {
    // Nothing to stop: the port belongs to the application.
  }
}
