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
 * Signing keys in PostgreSQL: the public key as a JWK, the private key as PKCS#8 DER.
 *
 * <p>TODO: encrypt the private keys with a key-encryption key from a secret store once one is
 * available in the deployment; until then the database and its backups must be protected as
 * secrets.
 */
@ApplicationScoped
public class SigningKeyRepository {

  private static final String COLUMNS =
      "kid, public_jwk, private_key, created_at, retired_at, published_until";

  private final Sql sql;

  public SigningKeyRepository(Sql sql) {
    this.sql = sql;
  }

  public void insert(SigningKey key) {
    sql.update(
        "INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key, created_at)"
            + " VALUES (?, 'RS256', ?, ?, ?)",
        key.kid(),
        key.publicJwk().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
        key.privateKey().getEncoded(),
        key.createdAt());
  }

  public Optional<SigningKey> findActive() {
    return sql.one(
        "SELECT " + COLUMNS + " FROM signing_keys WHERE retired_at IS NULL",
        SigningKeyRepository::toKey);
  }

  /** Returns the active key and every retired key still published at {@code now}, newest first. */
  public List<SigningKey> findPublished(Instant now) {
    return sql.list(
        "SELECT "
            + COLUMNS
            + " FROM signing_keys WHERE retired_at IS NULL OR published_until > ?"
            + " ORDER BY created_at DESC",
        SigningKeyRepository::toKey,
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

  private static SigningKey toKey(ResultSet row) throws SQLException {
    try {
      RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(row.getString("public_jwk"));
      return new SigningKey(
          row.getString("kid"),
          jwk,
          privateKey(row.getBytes("private_key")),
          Sql.instant(row, "created_at"),
          Sql.instant(row, "retired_at"),
          Sql.instant(row, "published_until"));
    } catch (JoseException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Stored signing key " + row.getString("kid") + " is invalid", e);
    }
  }

  private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }
}
