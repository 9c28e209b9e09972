package io.citypulse.gateway.live;

import io.citypulse.gateway.config.GatewayConfig;
import io.citypulse.gateway.proxy.Upstream;
import io.citypulse.gateway.proxy.Upstreams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the sensor registry (sensor-ingest-service) whether a caller may see sensors, with the
 * caller's own token: {@code GET /api/sensors/{id}} returns 404 for a sensor of a building the
 * caller may not see, as for one that does not exist. The gateway keeps no copy of the registry.
 */
@ApplicationScoped
public class SensorVisibility {

  private final Upstreams upstreams;
  private final GatewayConfig config;

  public SensorVisibility(Upstreams upstreams, GatewayConfig config) {
    this.upstreams = upstreams;
    this.config = config;
  }

  /** Returns, per sensor that may not be subscribed to, the reason; empty when all are visible. */
  public Uni<Map<String, String>> refusals(Set<String> sensors, String token) {
    if (sensors.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    String service = config.live().sensorRegistryService();
    Upstream registry = upstreams.get(service).orElse(null);
    if (registry == null) {
      Map<String, String> all = new LinkedHashMap<>();
      sensors.forEach(
          id -> all.put(id, "cannot be checked: the service " + service + " is not configured"));
      return Uni.createFrom().item(all);
    }
    List<Uni<Map.Entry<String, String>>> checks = new ArrayList<>();
    for (String sensor : sensors) {
      checks.add(check(registry, sensor, token).map(reason -> Map.entry(sensor, reason)));
    }
    return Uni.join()
        .all(checks)
        .andCollectFailures()
        .map(
            results -> {
              Map<String, String> refused = new LinkedHashMap<>();
              results.stream()
                  .filter(e -> !e.getValue().isEmpty())
                  .forEach(e -> refused.put(e.getKey(), e.getValue()));
              return refused;
            });
  }

  /** Returns the empty string when the sensor is visible, else the reason. */
  private Uni<String> check(Upstream registry, String sensor, String token) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(registry.host())
            .setPort(registry.port())
            .setSsl(registry.ssl())
            .setURI(
                registry.basePath()
                    + "/api/sensors/"
                    + URLEncoder.encode(sensor, StandardCharsets.UTF_8))
            .setConnectTimeout(registry.config().connectTimeout().toMillis())
            .setIdleTimeout(registry.config().timeout().toMillis())
            .putHeader("Authorization", "Bearer " + token);
    var status =
        registry
            .client()
            .request(options)
            .compose(request -> request.send())
            .compose(response -> response.body().map(ignored -> response.statusCode()));
    return Uni.createFrom()
        .completionStage(status.toCompletionStage())
        .map(SensorVisibility::reason)
        .onFailure()
        .recoverWithItem(failure -> "cannot be checked now: " + failure.getMessage());
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "";
      case 404 -> "does not exist or is in a building you may not see";
      case 401, 403 -> "your role may not read sensors";
      default -> "cannot be checked now (the sensor registry answered " + status + ")";
    };
  }
}
