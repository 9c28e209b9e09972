package io.citypulse.identity.event;

/** Remote address and User-Agent of an HTTP request, for audit records. */
public record RequestOrigin(String ip, String userAgent) {

  public static final RequestOrigin NONE = new RequestOrigin(null, null);
}
