package io.citypulse.identity.password;

import io.citypulse.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords and client secrets with Argon2id (RFC 9106) from Bouncy Castle. A
 * hash is stored as a PHC string, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, so each
 * hash keeps the parameters it was made with and old hashes verify after the parameters change.
 */
@ApplicationScoped
public class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private final int memoryKib;
  private final int iterations;
  private final int parallelism;

  /** A hash of a random password, verified when no user matches so every login costs the same. */
  private final String decoyHash;

  public PasswordHasher(IdentityConfig config) {
    this.memoryKib = config.argon2().memoryKib();
    this.iterations = config.argon2().iterations();
    this.parallelism = config.argon2().parallelism();
    byte[] decoy = new byte[24];
    random.nextBytes(decoy);
    this.decoyHash = hash(ENCODER.encodeToString(decoy));
  }

  /** Hashes the password with a new random salt and returns the PHC string. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            memoryKib,
            iterations,
            parallelism,
            ENCODER.encodeToString(salt),
            ENCODER.encodeToString(hash));
  }

  /** Returns whether the password matches the PHC string; a malformed string never matches. */
  public boolean verify(String password, String phc) {
    String[] parts = phc.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    int memory = parameter(parts[3], "m");
    int passes = parameter(parts[3], "t");
    int lanes = parameter(parts[3], "p");
    byte[] salt = DECODER.decode(parts[4]);
    byte[] expected = DECODER.decode(parts[5]);
    byte[] actual = derive(password, salt, memory, passes, lanes, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of one verification, for a login whose user does not exist. */
  public void verifyDecoy(String password) {
    verify(password, decoyHash);
  }

  private static int parameter(String parameters, String name) {
    for (String pair : parameters.split(",")) {
      if (pair.startsWith(name + "=")) {
        return Integer.parseInt(pair.substring(name.length() + 1));
      }
    }
    throw new IllegalArgumentException("Argon2 parameter " + name + " missing");
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] hash = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
    return hash;
  }
}
