package io.citypulse.identity.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Prometheus metrics of logins, issued tokens and lockouts. */
@ApplicationScoped
public class IdentityMetrics {

  private final MeterRegistry registry;
  private final Counter loginsSucceeded;
  private final Counter lockouts;

  public IdentityMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.loginsSucceeded =
        Counter.builder("citypulse.identity.logins")
            .description("Password logins, by outcome and failure reason")
            .tag("outcome", "succeeded")
            .tag("reason", "none")
            .register(registry);
    this.lockouts =
        Counter.builder("citypulse.identity.lockouts")
            .description("Lockouts after too many failed logins for one e-mail address")
            .register(registry);
  }

  public void loginSucceeded() {
    loginsSucceeded.increment();
  }

  /** Counts a failed login; {@code reason} is one of a few fixed codes, never user input. */
  public void loginFailed(String reason) {
    Counter.builder("citypulse.identity.logins")
        .description("Password logins, by outcome and failure reason")
        .tag("outcome", "failed")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Counts an issued access token by grant type. */
  public void tokenIssued(String grantType) {
    Counter.builder("citypulse.identity.tokens.issued")
        .description("Access tokens issued, by grant type")
        .tag("grant_type", grantType)
        .register(registry)
        .increment();
  }

  public void lockout() {
    lockouts.increment();
  }
}
