package io.citypulse.identity.key;

import io.citypulse.identity.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Signing keys in PostgreSQL: the public key as a JWK, the private key as PKCS#8 DER, encrypted by
 * {@link KeyEncryption} when a key-encryption key is configured ({@code private_key_encryption}
 * names the form of each row).
 */
@ApplicationScoped
public class SigningKeyRepository {

  private static final String COLUMNS =
      "kid, public_jwk, private_key, private_key_encryption, created_at, retired_at,"
          + " published_until";

  private final Sql sql;
  private final KeyEncryption encryption;

  public SigningKeyRepository(Sql sql, KeyEncryption encryption) {
    this.sql = sql;
    this.encryption = encryption;
  }

  public void insert(SigningKey key) {
    sql.update(
        "INSERT INTO signing_keys"
            + " (kid, algorithm, public_jwk, private_key, private_key_encryption, created_at)"
            + " VALUES (?, 'RS256', ?, ?, ?, ?)",
        key.kid(),
        key.publicJwk().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
        encryption.seal(key.kid(), key.privateKey().getEncoded()),
        encryption.storedForm(),
        key.createdAt());
  }

  public Optional<SigningKey> findActive() {
    return sql.one(
        "SELECT " + COLUMNS + " FROM signing_keys WHERE retired_at IS NULL", this::toKey);
  }

  /**
   * Encrypts every private key stored unencrypted, when a key-encryption key is configured, and
   * returns how many were encrypted.
   */
  public int encryptUnencrypted() {
    if (!encryption.enabled()) {
      return 0;
    }
    List<SigningKey> plain =
        sql.list(
            "SELECT " + COLUMNS + " FROM signing_keys WHERE private_key_encryption = ?",
            this::toKey,
            KeyEncryption.NONE);
    for (SigningKey key : plain) {
      sql.update(
          "UPDATE signing_keys SET private_key = ?, private_key_encryption = ? WHERE kid = ?",
          encryption.seal(key.kid(), key.privateKey().getEncoded()),
          encryption.storedForm(),
          key.kid());
    }
    return plain.size();
  }

  /** Returns the active key and every retired key still published at {@code now}, newest first. */
  public List<SigningKey> findPublished(Instant now) {
    return sql.list(
        "SELECT "
            + COLUMNS
            + " FROM signing_keys WHERE retired_at IS NULL OR published_until > ?"
            + " ORDER BY created_at DESC",
        this::toKey,
        now);
  }

  /** Retires the active key; it stays published until {@code publishedUntil}. */
  public int retireActive(Instant now, Instant publishedUntil) {
    return sql.update(
        "UPDATE signing_keys SET retired_at = ?, published_until = ? WHERE retired_at IS NULL",
        now,
        publishedUntil);
  }

  /** Deletes retired keys whose publication ended before {@code now}. */
  public int deleteUnpublished(Instant now) {
    return sql.update(
        "DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND published_until <= ?", now);
  }

  /** Serializes key creation across replicas until the transaction ends. */
  public void lockForChange() {
    sql.one("SELECT pg_advisory_xact_lock(hashtext('signing_keys'))", row -> 0);
  }

  private SigningKey toKey(ResultSet row) throws SQLException {
    String kid = row.getString("kid");
    try {
      RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(row.getString("public_jwk"));
      byte[] pkcs8 =
          encryption.open(
              kid, row.getString("private_key_encryption"), row.getBytes("private_key"));
      return new SigningKey(
          kid,
          jwk,
          privateKey(pkcs8),
          Sql.instant(row, "created_at"),
          Sql.instant(row, "retired_at"),
          Sql.instant(row, "published_until"));
    } catch (JoseException | GeneralSecurityException e) {
      throw new IllegalStateException("Stored signing key " + kid + " is invalid", e);
    }
  }

  private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }
}
