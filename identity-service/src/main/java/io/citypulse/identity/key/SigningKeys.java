package io.citypulse.identity.key;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * The signing keys: creates the first one at start, rotates on request, and caches the published
 * keys for signing and verification. Other replicas see a rotation within {@code keys.cache-ttl}.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

  private final SigningKeyRepository repository;
  private final KeyEncryption encryption;
  private final Outbox outbox;
  private final IdentityConfig config;
  private volatile Cache cache;

  public SigningKeys(
      SigningKeyRepository repository,
      KeyEncryption encryption,
      Outbox outbox,
      IdentityConfig config) {
    this.repository = repository;
    this.encryption = encryption;
    this.outbox = outbox;
    this.config = config;
  }

  private record Cache(SigningKey active, List<SigningKey> published, Instant loadedAt) {}

  /**
   * Creates the first key on an empty database, and encrypts keys stored unencrypted once a
   * key-encryption key is configured.
   */
  @Transactional
  void createFirstKey(@Observes StartupEvent start) {
    repository.lockForChange();
    if (encryption.enabled()) {
      int encrypted = repository.encryptUnencrypted();
      if (encrypted > 0) {
        Log.infof("Encrypted %d signing keys that were stored unencrypted", encrypted);
      }
    } else {
      Log.warn(
          "Private signing keys are stored unencrypted: set citypulse.identity.keys.encryption-key"
              + " (CITYPULSE_IDENTITY_KEYS_ENCRYPTION_KEY) to 32 random bytes in Base64");
    }
    if (repository.findActive().isEmpty()) {
      SigningKey key = generate(Instant.now());
      repository.insert(key);
      Log.infof("Created the first signing key %s", key.kid());
    }
  }

  /** Returns the key that signs new tokens. */
  public SigningKey active() {
    return current().active();
  }

  /** Returns the keys that verify tokens: the active one and the retired ones in their overlap. */
  public List<SigningKey> published() {
    return current().published();
  }

  /** Reloads the keys before the next use, as after a rotation or an unknown {@code kid}. */
  public void invalidate() {
    cache = null;
  }

  /**
   * Reloads the keys unless they were read in the last {@link #MIN_RELOAD_INTERVAL}, for a token
   * with an unknown {@code kid}; the limit keeps forged tokens from hitting the database.
   */
  public void reloadUnlessFresh() {
    Cache loaded = cache;
    if (loaded != null && loaded.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(Instant.now())) {
      cache = null;
    }
  }

  private Cache current() {
    Cache loaded = cache;
    Instant now = Instant.now();
    if (loaded == null || loaded.loadedAt().plus(config.keys().cacheTtl()).isBefore(now)) {
      loaded = load(now);
      cache = loaded;
    }
    return loaded;
  }

  private Cache load(Instant now) {
    List<SigningKey> keys = repository.findPublished(now);
    SigningKey active =
        keys.stream()
            .filter(SigningKey::isActive)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No active signing key in the database"));
    return new Cache(active, keys, now);
  }

  /**
   * Creates a new active key. The previous key stays published for the rotation overlap, at least
   * the access token lifetime, so tokens it signed stay verifiable until they expire.
   */
  @Transactional
  public SigningKey rotate(Actor actor) {
    repository.lockForChange();
    Instant now = Instant.now();
    String previous = repository.findActive().map(SigningKey::kid).orElse(null);
    Duration overlap = overlap();
    repository.retireActive(now, now.plus(overlap));
    SigningKey key = generate(now);
    repository.insert(key);
    outbox.auditEvent(
        EventType.SIGNING_KEY_ROTATED,
        actor,
        "signing-key",
        key.kid(),
        detailsOf(previous, now.plus(overlap)));
    invalidate();
    Log.infof(
        "Signing key rotated to %s; the previous key %s stays published for %s",
        key.kid(), previous, overlap);
    return key;
  }

  /** Deletes retired keys whose overlap has ended. */
  @Transactional
  public void deleteUnpublished() {
    int deleted = repository.deleteUnpublished(Instant.now());
    if (deleted > 0) {
      Log.infof("Deleted %d retired signing keys after their overlap", deleted);
    }
  }

  private Duration overlap() {
    Duration configured = config.keys().rotationOverlap();
    Duration minimum = config.tokens().accessTokenLifetime().plusMinutes(1);
    return configured.compareTo(minimum) < 0 ? minimum : configured;
  }

  private static Map<String, Object> detailsOf(String previousKid, Instant publishedUntil) {
    return previousKid == null
        ? Map.of()
        : Map.of("previousKid", previousKid, "previousPublishedUntil", publishedUntil.toString());
  }

  private SigningKey generate(Instant now) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(config.keys().rsaBits());
      String kid = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
      jwk.setKeyId(kid);
      jwk.setAlgorithm("RS256");
      jwk.setUse("sig");
      return new SigningKey(kid, jwk, jwk.getRsaPrivateKey(), now, null, null);
    } catch (JoseException e) {
      throw new IllegalStateException("Generating an RSA signing key failed", e);
    }
  }
}
