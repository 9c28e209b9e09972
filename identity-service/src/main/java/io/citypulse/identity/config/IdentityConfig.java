package io.citypulse.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of identity-service, under {@code citypulse.identity}. */
@ConfigMapping(prefix = "citypulse.identity")
public interface IdentityConfig {

  /**
   * Issuer URL: the {@code iss} claim of every token and the base of every endpoint URL in the
   * discovery document. Clients must reach the service under this URL.
   */
  @WithDefault("http://localhost:8081")
  String issuer();

  /** Name of the town, used in invitation e-mails. */
  @WithDefault("Hechingen")
  String town();

  /** Dashboard URL that invitation e-mails link to. */
  @WithDefault("http://localhost:8080")
  String dashboardUrl();

  /** Token lifetimes. */
  Tokens tokens();

  /** Failed-login throttling. */
  Lockout lockout();

  /** Session expiry. */
  Sessions sessions();

  /** Signing keys. */
  Keys keys();

  /** Argon2id parameters for passwords and client secrets. */
  Argon2 argon2();

  /** Event outbox relay. */
  Outbox outbox();

  /** Demo accounts of the local stack. */
  Demo demo();

  /** Token lifetimes. */
  interface Tokens {

    /** Lifetime of access tokens and ID tokens. */
    @WithDefault("PT5M")
    Duration accessTokenLifetime();

    /** Lifetime of a password-change token, issued when a user must change the password. */
    @WithDefault("PT10M")
    Duration passwordChangeTokenLifetime();
  }

  /** Failed-login throttling. */
  interface Lockout {

    /** Failed logins within {@link #window()} after which the account is locked. */
    @WithDefault("10")
    int maxFailures();

    /** Window in which failed logins are counted; it starts at the first failure. */
    @WithDefault("PT15M")
    Duration window();

    /** How long an account stays locked after too many failed logins. */
    @WithDefault("PT15M")
    Duration duration();

    /** How far back the incident lock-down looks for successful logins. */
    @WithDefault("PT1H")
    Duration lockdownLookback();
  }

  /** Session expiry. */
  interface Sessions {

    /** A session (refresh-token family) idle this long is expired and then deleted. */
    @WithDefault("P30D")
    Duration idleTimeout();

    /** How often expired sessions, used refresh tokens and sent outbox rows are deleted. */
    @WithDefault("1h")
    String cleanupInterval();
  }

  /** Signing keys. */
  interface Keys {

    /** RSA modulus size of new signing keys, in bits. */
    @WithDefault("2048")
    int rsaBits();

    /**
     * How long a replaced key stays in the JWKS after a rotation. It is never shorter than the
     * access token lifetime, so every token signed with the old key stays verifiable.
     */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** How long the verification keys are cached before they are read from the database again. */
    @WithDefault("PT30S")
    Duration cacheTtl();

    /**
     * Key-encryption key for the private signing keys: 32 random bytes, Base64-encoded (AES-256).
     * Without it the private keys are stored unencrypted and a warning is logged at start.
     */
    Optional<String> encryptionKey();
  }

  /** Argon2id parameters; changing them affects new hashes only, old hashes keep theirs. */
  interface Argon2 {

    /** Memory cost in KiB (19 MiB is the OWASP Password Storage Cheat Sheet minimum). */
    @WithDefault("19456")
    int memoryKib();

    /** Number of passes over the memory. */
    @WithDefault("2")
    int iterations();

    /** Degree of parallelism (lanes). */
    @WithDefault("1")
    int parallelism();
  }

  /** Event outbox relay. */
  interface Outbox {

    /** How often the relay looks for unsent events. */
    @WithDefault("1s")
    String pollInterval();

    /** Most events sent per relay run. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /** How long sent events stay in the outbox table before the cleanup deletes them. */
    @WithDefault("P7D")
    Duration retention();
  }

  /** Demo accounts and the demo gateway client of the local stack. */
  interface Demo {

    /** Creates the demo accounts at start when true. */
    @WithDefault("false")
    boolean enabled();

    /** Password of every demo account; required when {@link #enabled()} is true. */
    Optional<String> password();

    /** Secret of the demo machine client {@code hechingen-gateway}; without it, no client. */
    Optional<String> gatewaySecret();
  }
}
