package io.citypulse.identity.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Parsing and checking of space-separated OAuth scope strings. */
final class Scopes {

  private Scopes() {}

  /**
   * Returns the requested scope, or all {@code allowed} scopes when none was requested; throws
   * {@code invalid_scope} when a requested scope is not allowed.
   */
  static String resolve(String requested, Collection<String> allowed) {
    if (requested == null || requested.isBlank()) {
      return String.join(" ", allowed);
    }
    Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
    for (String scope : scopes) {
      if (!allowed.contains(scope)) {
        throw new OAuthException(
            400,
            "invalid_scope",
            "Scope '" + scope + "' is not allowed; allowed: " + String.join(" ", allowed) + ".");
      }
    }
    return String.join(" ", scopes);
  }

  static boolean contains(String scope, String value) {
    return Arrays.asList(scope.split(" ")).contains(value);
  }
}
