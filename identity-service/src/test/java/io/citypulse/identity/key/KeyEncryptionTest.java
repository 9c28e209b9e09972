package io.citypulse.identity.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

  private static final byte[] PKCS8 =
      "not really DER, any bytes do".getBytes(StandardCharsets.UTF_8);

  private final KeyEncryption encryption = new KeyEncryption(Optional.of(randomKey()));

  @Test
  void sealedKeyOpensAgain() {
    byte[] stored = encryption.seal("kid-1", PKCS8);

    assertEquals(KeyEncryption.AES_256_GCM, encryption.storedForm());
    assertFalse(Arrays.equals(PKCS8, Arrays.copyOfRange(stored, 12, 12 + PKCS8.length)));
    assertArrayEquals(PKCS8, encryption.open("kid-1", KeyEncryption.AES_256_GCM, stored));
  }

  @Test
  void sameKeySealedTwiceDiffers() {
    assertFalse(Arrays.equals(encryption.seal("kid-1", PKCS8), encryption.seal("kid-1", PKCS8)));
  }

  @Test
  void otherEncryptionKeyRejected() {
    byte[] stored = encryption.seal("kid-1", PKCS8);
    KeyEncryption other = new KeyEncryption(Optional.of(randomKey()));

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> other.open("kid-1", KeyEncryption.AES_256_GCM, stored));
    assertTrue(
        error.getMessage().contains("not the key it was encrypted with"), error.getMessage());
  }

  @Test
  void keyCopiedToOtherKidRejected() {
    byte[] stored = encryption.seal("kid-1", PKCS8);

    assertThrows(
        IllegalStateException.class,
        () -> encryption.open("kid-2", KeyEncryption.AES_256_GCM, stored));
  }

  @Test
  void changedByteRejected() {
    byte[] stored = encryption.seal("kid-1", PKCS8);
    stored[stored.length - 1] ^= 1;

    assertThrows(
        IllegalStateException.class,
        () -> encryption.open("kid-1", KeyEncryption.AES_256_GCM, stored));
  }

  @Test
  void withoutKeyStoresUnencrypted() {
    KeyEncryption none = new KeyEncryption(Optional.empty());

    assertFalse(none.enabled());
    assertEquals(KeyEncryption.NONE, none.storedForm());
    assertArrayEquals(PKCS8, none.seal("kid-1", PKCS8));
    assertArrayEquals(PKCS8, none.open("kid-1", KeyEncryption.NONE, PKCS8));
  }

  @Test
  void withoutKeyEncryptedKeyRejected() {
    byte[] stored = encryption.seal("kid-1", PKCS8);
    KeyEncryption none = new KeyEncryption(Optional.empty());

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> none.open("kid-1", KeyEncryption.AES_256_GCM, stored));
    assertTrue(error.getMessage().contains("is not set"), error.getMessage());
  }

  @Test
  void unencryptedRowReadWithKey() {
    assertArrayEquals(PKCS8, encryption.open("kid-1", KeyEncryption.NONE, PKCS8));
  }

  @Test
  void shortKeyRejected() {
    String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new KeyEncryption(Optional.of(sixteenBytes)));
    assertTrue(error.getMessage().contains("decodes to 16 bytes"), error.getMessage());
  }

  @Test
  void invalidBase64Rejected() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new KeyEncryption(Optional.of("not base64!")));
    assertTrue(error.getMessage().contains("not valid Base64"), error.getMessage());
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
