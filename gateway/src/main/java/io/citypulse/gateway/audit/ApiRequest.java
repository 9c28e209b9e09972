package io.citypulse.gateway.audit;

import java.time.Instant;

/**
 * One API request as the gateway saw it: the payload of an {@code api-request} audit event and an
 * entry of the request log behind {@code /api/metrics}. Never contains a body, a token or a query
 * string.
 *
 * @param user the caller's {@code sub}, or {@code anonymous}
 * @param role the caller's role id, or null for anonymous callers and machine clients
 * @param route name of the proxied route, or of the gateway's own endpoint
 * @param path the request path without the query string
 */
public record ApiRequest(
    String category,
    String user,
    String role,
    String route,
    String method,
    String path,
    int status,
    long durationMs,
    String clientIp,
    String userAgent,
    String requestId,
    Instant occurredAt) {

  /** Audit category of API requests, kept 7 days by the audit service. */
  public static final String CATEGORY = "api_requests";

  /** CloudEvents type of the audit event. */
  public static final String EVENT_TYPE = "io.citypulse.audit.api-request.v1";
}
