package io.citypulse.gateway.edge;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids ({@code X-Request-Id}) and W3C Trace Context ({@code traceparent}) as the gateway
 * accepts, creates and passes them on.
 */
public final class RequestIds {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  public static final String TRACEPARENT_HEADER = "traceparent";

  /** Key of the request id in the log MDC. */
  public static final String MDC_KEY = "requestId";

  /**
   * A caller's id is kept when it is short and made of URL-safe characters; else it is replaced.
   */
  private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Version 00 of W3C Trace Context: version, trace id, parent id, flags. */
  private static final Pattern VALID_TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  private RequestIds() {}

  /** Returns the caller's request id if it is valid, else a new random UUID. */
  public static String acceptOrCreate(String received) {
    if (received != null && VALID_REQUEST_ID.matcher(received).matches()) {
      return received;
    }
    return randomUuid().toString();
  }

  /**
   * Returns a version 4 UUID from {@link ThreadLocalRandom}. Request, trace and event ids need to
   * be unique, not unguessable: none of them grants anything. {@code UUID.randomUUID()} draws from
   * a shared {@code SecureRandom}, which several times per request showed in the profile.
   */
  public static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /**
   * Returns the {@code traceparent} for the call to the upstream: the caller's trace id and flags
   * with a new parent id for the gateway's hop, or a new sampled trace when the caller sent none or
   * an invalid one.
   */
  public static String nextTraceparent(String received) {
    if (received != null) {
      var matcher = VALID_TRACEPARENT.matcher(received.trim());
      if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
        return "00-" + matcher.group(1) + "-" + randomHex(8) + "-" + matcher.group(3);
      }
    }
    return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
  }

  private static String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
