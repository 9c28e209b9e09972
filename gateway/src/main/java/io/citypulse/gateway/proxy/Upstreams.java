package io.citypulse.gateway.proxy;

import io.citypulse.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The upstream services that have a URL, by name, each with its own client and breaker. */
@ApplicationScoped
public class Upstreams {

  private final Map<String, Upstream> configured = new TreeMap<>();
  private final TreeSet<String> known = new TreeSet<>();

  public Upstreams(GatewayConfig config, Vertx vertx) {
    config.routes().values().forEach(route -> known.add(route.service()));
    config
        .services()
        .forEach(
            (name, service) -> {
              known.add(name);
              service
                  .url()
                  .ifPresent(url -> configured.put(name, create(vertx, name, url, service)));
            });
    Log.infof(
        "Upstream services configured: %s; without a URL: %s",
        configured.keySet(), known.stream().filter(n -> !configured.containsKey(n)).toList());
  }

  private static Upstream create(Vertx vertx, String name, URI url, GatewayConfig.Service config) {
    boolean ssl = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    HttpClientOptions options =
        new HttpClientOptions()
            .setDefaultHost(url.getHost())
            .setDefaultPort(port)
            .setSsl(ssl)
            .setKeepAlive(true)
            .setMaxPoolSize(config.maxConnections())
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setDecompressionSupported(false)
            .setTryUseCompression(false)
            .setName("upstream-" + name);
    CircuitBreaker breaker =
        new CircuitBreaker(
            name,
            config.circuitBreaker().failureThreshold(),
            config.circuitBreaker().openDuration());
    return new Upstream(
        name,
        url,
        url.getHost(),
        port,
        ssl,
        basePath,
        config,
        vertx.createHttpClient(options),
        breaker);
  }

  /** Returns the service if it has a URL. */
  public Optional<Upstream> get(String name) {
    return Optional.ofNullable(configured.get(name));
  }

  /** Services with a URL, sorted by name. */
  public Collection<Upstream> configured() {
    return configured.values();
  }

  void close(@Observes ShutdownEvent event) {
    configured.values().forEach(upstream -> upstream.client().close());
  }
}
