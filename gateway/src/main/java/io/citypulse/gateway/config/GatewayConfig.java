package io.citypulse.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway, under {@code citypulse.gateway}. */
@ConfigMapping(prefix = "citypulse.gateway")
public interface GatewayConfig {

  /**
   * The upstream services by name ({@code identity}, {@code ingest}, {@code alerting}, ...). A
   * service without a URL is not configured: its routes answer 503.
   */
  Map<String, Service> services();

  /** The proxied routes by name; the longest matching path prefix wins. */
  Map<String, Route> routes();

  /** Token buckets per route group, see {@link RateLimits}. */
  RateLimits rateLimits();

  /** Refusal of users who were locked, suspended or deactivated after their token was issued. */
  DenyList denyList();

  /** Response headers added to every response. */
  SecurityHeaders securityHeaders();

  /** API request events on {@code citypulse.audit.events}. */
  Audit audit();

  /** Readiness probes of the services for {@code /api/status} and {@code /api/metrics}. */
  Probes probes();

  /** The live updates socket {@code /ws}. */
  Live live();

  /** One upstream service. */
  interface Service {

    /** Base URL, such as {@code http://127.0.0.1:8082}; absent for a service not yet deployed. */
    Optional<URI> url();

    /** Maximum wait for a connection to the service. */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** Maximum wait for the response headers, and for each chunk of the body after them. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How often an idempotent request is tried again after a failed connect. */
    @WithDefault("2")
    int retries();

    /** Pause before each retry. */
    @WithDefault("PT0.1S")
    Duration retryBackoff();

    /** Most open connections from this gateway to the service. */
    @WithDefault("200")
    int maxConnections();

    /** The circuit breaker of this service. */
    CircuitBreaker circuitBreaker();
  }

  /** Settings of one circuit breaker. */
  interface CircuitBreaker {

    /** Failures in a row (connect failure, timeout, 502, 503 or 504) that open the circuit. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit rejects requests before one trial request is let through. */
    @WithDefault("PT15S")
    Duration openDuration();
  }

  /** One proxied route. */
  interface Route {

    /** Name of the service in {@link #services()}. */
    String service();

    /** Path prefixes, each matching itself and everything below it ({@code /api/sensors/...}). */
    List<String> prefixes();

    /**
     * Whether a bearer token on these paths is verified at the edge. Off for the OAuth endpoints,
     * where the client authenticates in the body or with HTTP Basic and a stale bearer token must
     * not block a new login.
     */
    @WithDefault("true")
    boolean verifyToken();
  }

  /** Rate limiting. */
  interface RateLimits {

    /** Whether requests are rate limited at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Groups by name. A request belongs to the first group in this order whose {@code prefixes}
     * match its path ({@code login}, {@code ingest}), else to {@code read} for GET, HEAD and
     * OPTIONS and to {@code write} for every other method.
     */
    Map<String, Limit> groups();

    /** A bucket unused this long is removed from memory. */
    @WithDefault("PT10M")
    Duration idleEviction();
  }

  /** The token bucket of one group, kept per user ({@code sub}) or per client IP. */
  interface Limit {

    /** Requests a caller may make in a burst, the bucket's capacity. */
    int burst();

    /** Requests per minute the bucket refills. */
    int requestsPerMinute();

    /** Path prefixes that put a request in this group; empty for the method groups. */
    Optional<List<String>> prefixes();
  }

  /** The deny-list fed by {@code citypulse.identity.events}. */
  interface DenyList {

    /**
     * How long an entry is kept: the longest lifetime of a token identity-service issues (the
     * password-change token, 10 minutes). After that every token of the user issued before the
     * event has expired anyway.
     */
    @WithDefault("PT10M")
    Duration entryLifetime();
  }

  /** Security headers. */
  interface SecurityHeaders {

    /** Value of {@code Strict-Transport-Security}; empty to leave the header out (plain HTTP). */
    @WithDefault("max-age=31536000; includeSubDomains")
    Optional<String> strictTransportSecurity();

    /** Value of {@code Content-Security-Policy} for API responses. */
    @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    String contentSecurityPolicy();

    /** Value of {@code Content-Security-Policy} for the API documentation page. */
    @WithDefault(
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")
    String docsContentSecurityPolicy();

    /** Value of {@code Referrer-Policy}. */
    @WithDefault("no-referrer")
    String referrerPolicy();
  }

  /** Audit events. */
  interface Audit {

    /** Whether API requests are published on the audit topic. */
    @WithDefault("true")
    boolean enabled();

    /** Events waiting to be sent; when full, new events are dropped and counted. */
    @WithDefault("10000")
    int bufferSize();

    /** The {@code ce_source} attribute of the events. */
    @WithDefault("urn:citypulse:gateway")
    String source();
  }

  /** Probes of the services. */
  interface Probes {

    /** Time between two readiness probes of every configured service. */
    @WithDefault("PT15S")
    Duration interval();

    /** Maximum wait for one readiness probe. */
    @WithDefault("PT3S")
    Duration timeout();

    /** State changes kept per service for {@code /api/status}. */
    @WithDefault("20")
    int historySize();

    /** Service whose Prometheus metrics contain the sensor data latency histogram. */
    @WithDefault("ingest")
    String latencyService();

    /** Histogram of the delay from a reading's arrival in Kafka to its storage, in seconds. */
    @WithDefault("citypulse_ingest_received_to_stored_seconds")
    String latencyHistogram();
  }

  /** The WebSocket for live updates. */
  interface Live {

    /** How long a new connection may stay without a valid token before it is closed. */
    @WithDefault("PT30S")
    Duration authTimeout();

    /**
     * Messages handed to a client's socket and not yet written out, beyond which new events wait.
     * Waiting events go out together as one batch message when a send completes, so with one slot
     * the batch grows with the time a write takes instead of each event becoming a message.
     */
    @WithDefault("1")
    int maxInFlight();

    /** Maximum events in one batch message. The rest wait for the next send. */
    @WithDefault("500")
    int maxBatch();

    /** Sensors with a held reading (newest value only) before the client is disconnected. */
    @WithDefault("2000")
    int maxPendingSensors();

    /** A client whose oldest unwritten message is older than this is disconnected. */
    @WithDefault("PT10S")
    @WithName("max-send-delay")
    Duration maxSendDelay();

    /** Service asked whether a caller may see a sensor it subscribes to by id. */
    @WithDefault("ingest")
    String sensorRegistryService();
  }
}
