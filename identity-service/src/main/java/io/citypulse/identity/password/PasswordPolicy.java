package io.citypulse.identity.password;

import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules: at least {@link #MIN_LENGTH} characters, not the user's e-mail address or its
 * local part, and not one of the most common passwords.
 */
@ApplicationScoped
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** Longest accepted password; Argon2 would take any length, but a limit bounds the work. */
  public static final int MAX_LENGTH = 256;

  /**
   * Common passwords of 12 or more characters, lower-cased; shorter ones already fail the length
   * rule. Taken from the top of public breach-frequency lists and German variants of them.
   */
  private static final Set<String> COMMON =
      Set.of(
          "123456789012",
          "1234567890123",
          "12345678910",
          "qwertyuiopas",
          "qwertzuiopasd",
          "passwort1234",
          "password1234",
          "password123!",
          "passwort123!",
          "hallo1234567",
          "qwerty123456",
          "1q2w3e4r5t6y",
          "iloveyou1234",
          "willkommen123",
          "welcome12345",
          "administrator",
          "sommer2024!!",
          "winter2024!!",
          "hechingen123",
          "hechingen2024",
          "citypulse123",
          "abcdefghijkl",
          "aaaaaaaaaaaa",
          "111111111111",
          "000000000000",
          "changeme1234",
          "letmein12345");

  /** Throws a problem naming the first rule the password breaks. */
  public void check(String password, String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw violation(
          "password-too-short",
          "The password must have at least "
              + MIN_LENGTH
              + " characters; it has "
              + (password == null ? 0 : password.length())
              + ".");
    }
    if (password.length() > MAX_LENGTH) {
      throw violation(
          "password-too-long", "The password must have at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String normalizedEmail = email.toLowerCase(Locale.ROOT);
    String localPart = normalizedEmail.substring(0, Math.max(0, normalizedEmail.indexOf('@')));
    if (lower.equals(normalizedEmail) || (!localPart.isEmpty() && lower.equals(localPart))) {
      throw violation(
          "password-is-email", "The password must not be the e-mail address or its local part.");
    }
    if (COMMON.contains(lower)) {
      throw violation(
          "password-too-common",
          "The password is on the list of common passwords; choose one that is harder to guess.");
    }
  }

  private static ProblemException violation(String rule, String detail) {
    return new ProblemException(
        Problem.of(400, "password-policy", "Password rejected by the password policy")
            .detail(detail)
            .with("rule", rule)
            .with("minLength", MIN_LENGTH)
            .build());
  }
}
