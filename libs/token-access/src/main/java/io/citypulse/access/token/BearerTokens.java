package io.citypulse.access.token;

/** Reads the token of an {@code Authorization: Bearer} header (RFC 6750). */
public final class BearerTokens {

  private static final String BEARER = "bearer ";

  private BearerTokens() {}

  /** Returns the token of an {@code Authorization: Bearer} header, or null for any other value. */
  public static String fromHeader(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()) {
      return null;
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }
}
