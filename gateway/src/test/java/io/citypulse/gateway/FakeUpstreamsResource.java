package io.citypulse.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the fake upstreams before the gateway and points the gateway's services at them: identity,
 * ingest, analytics and audit, plus {@code flaky} on {@code /api/flaky} for the circuit breaker.
 * Alerting stays without a URL. Each fake's control port is published as {@code
 * test.fakes.<name>.control-port}.
 */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {

  private static final String[] SERVICES = {"identity", "ingest", "analytics", "audit", "flaky"};

  private FakeUpstreams fakes;

  @Override
  public Map<String, String> start() {
    fakes = FakeUpstreams.start(SERVICES);
    Map<String, String> config = new HashMap<>();
    for (String service : SERVICES) {
      config.put(
          "citypulse.gateway.services." + service + ".url",
          "http://127.0.0.1:" + fakes.port(service));
      config.put(
          "test.fakes." + service + ".control-port", String.valueOf(fakes.controlPort(service)));
    }
    config.put("citypulse.gateway.services.analytics.timeout", "PT1S");
    config.put("citypulse.gateway.routes.flaky.service", "flaky");
    config.put("citypulse.gateway.routes.flaky.prefixes", "/api/flaky");
    config.put("citypulse.gateway.services.flaky.circuit-breaker.failure-threshold", "3");
    config.put("citypulse.gateway.services.flaky.circuit-breaker.open-duration", "PT1S");
    return config;
  }

  @Override
  public void stop() {
    if (fakes != null) {
      fakes.close();
    }
  }
}
