package io.citypulse.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens and refills at a constant rate. Each request
 * takes one token. Thread-safe.
 */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long refilledAt;
  private volatile long lastUsed;

  TokenBucket(int capacity, int perMinute, long nowNanos) {
    this.capacity = capacity;
    this.tokensPerNano = perMinute / 60e9;
    this.tokens = capacity;
    this.refilledAt = nowNanos;
    this.lastUsed = nowNanos;
  }

  /** Takes a token; returns 0 on success, else the nanoseconds until the next token is there. */
  synchronized long tryTake(long nowNanos) {
    lastUsed = nowNanos;
    tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * tokensPerNano);
    refilledAt = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return tokensPerNano > 0 ? (long) Math.ceil((1 - tokens) / tokensPerNano) : Long.MAX_VALUE;
  }

  long lastUsed() {
    return lastUsed;
  }
}
