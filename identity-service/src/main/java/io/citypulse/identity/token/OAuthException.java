package io.citypulse.identity.token;

/**
 * An OAuth 2.0 error response (RFC 6749 section 5.2, RFC 6750 section 3.1): {@code error} is the
 * registered code such as {@code invalid_grant}, {@code description} a sentence for developers.
 */
public class OAuthException extends RuntimeException {

  private final int status;
  private final String error;
  private final String description;

  public OAuthException(int status, String error, String description) {
    super(error + ": " + description, null, false, false);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  public static OAuthException invalidRequest(String description) {
    return new OAuthException(400, "invalid_request", description);
  }

  public static OAuthException invalidGrant(String description) {
    return new OAuthException(400, "invalid_grant", description);
  }

  public static OAuthException invalidClient(String description) {
    return new OAuthException(401, "invalid_client", description);
  }

  public static OAuthException invalidToken(String description) {
    return new OAuthException(401, "invalid_token", description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String description() {
    return description;
  }
}
