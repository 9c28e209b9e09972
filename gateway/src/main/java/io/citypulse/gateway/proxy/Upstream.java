package io.citypulse.gateway.proxy;

import io.citypulse.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpClient;
import java.net.URI;

/**
 * A configured upstream service: its address, the HTTP client with its connection pool, and its
 * circuit breaker.
 *
 * @param basePath path of the base URL without a trailing slash, prepended to every request path
 */
public record Upstream(
    String name,
    URI url,
    String host,
    int port,
    boolean ssl,
    String basePath,
    GatewayConfig.Service config,
    HttpClient client,
    CircuitBreaker breaker) {}
