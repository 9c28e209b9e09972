package io.citypulse.identity.key;

import io.citypulse.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM (the JDK's provider) under the
 * key-encryption key {@code citypulse.identity.keys.encryption-key}. A stored key is a 12-byte
 * random nonce followed by the ciphertext and the 128-bit tag. The kid is the associated data, so a
 * stored key copied to another row does not decrypt. Without a key-encryption key, keys are stored
 * unencrypted.
 */
@ApplicationScoped
public class KeyEncryption {

  /** The stored form of a private key: unencrypted PKCS#8 DER. */
  public static final String NONE = "none";

  /** The stored form of a private key: PKCS#8 DER encrypted with AES-256-GCM. */
  public static final String AES_256_GCM = "aes-256-gcm";

  private static final String PROPERTY = "citypulse.identity.keys.encryption-key";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  @Inject
  public KeyEncryption(IdentityConfig config) {
    this(config.keys().encryptionKey());
  }

  /** Creates the encryption with a Base64-encoded 32-byte key, or none. */
  KeyEncryption(Optional<String> encodedKey) {
    this.key = encodedKey.filter(value -> !value.isBlank()).map(KeyEncryption::decode).orElse(null);
  }

  private static SecretKey decode(String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PROPERTY + " is not valid Base64: " + e.getMessage(), e);
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          PROPERTY
              + " must be 32 bytes (AES-256) encoded in Base64, but it decodes to "
              + bytes.length
              + " bytes. Create one with: head -c 32 /dev/urandom | base64");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** Returns whether a key-encryption key is configured. */
  public boolean enabled() {
    return key != null;
  }

  /** Returns the form that {@link #seal} stores new keys in. */
  public String storedForm() {
    return enabled() ? AES_256_GCM : NONE;
  }

  /** Returns the PKCS#8 DER of a private key as it is stored, in {@link #storedForm()}. */
  public byte[] seal(String kid, byte[] pkcs8) {
    if (!enabled()) {
      return pkcs8;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
      byte[] ciphertext = cipher.doFinal(pkcs8);
      return ByteBuffer.allocate(nonce.length + ciphertext.length)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encrypting signing key " + kid + " failed", e);
    }
  }

  /** Returns the PKCS#8 DER of a stored private key. */
  public byte[] open(String kid, String form, byte[] stored) {
    if (NONE.equals(form)) {
      return stored;
    }
    if (!AES_256_GCM.equals(form)) {
      throw new IllegalStateException(
          "Signing key " + kid + " is stored in the unknown form '" + form + "'");
    }
    if (!enabled()) {
      throw new IllegalStateException(
          "Signing key " + kid + " is encrypted, but " + PROPERTY + " is not set");
    }
    if (stored.length <= NONCE_BYTES) {
      throw new IllegalStateException("Signing key " + kid + " is too short to be encrypted");
    }
    byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, kid);
      return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "Signing key "
              + kid
              + " cannot be decrypted: "
              + PROPERTY
              + " is not the key it was encrypted with, or the stored key was changed",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decrypting signing key " + kid + " failed", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
