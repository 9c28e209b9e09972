package io.citypulse.gateway.ops;

import java.time.Instant;

/**
 * One readiness probe of a service.
 *
 * @param detail why the service is down, such as {@code status 503} or {@code connection refused}
 */
public record ProbeResult(String service, boolean up, String detail, Instant checkedAt) {}
