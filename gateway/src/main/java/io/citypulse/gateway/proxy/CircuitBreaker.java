package io.citypulse.gateway.proxy;

import io.quarkus.logging.Log;
import java.time.Duration;

/**
 * The circuit breaker of one upstream service: closed while requests succeed, open after {@code
 * failureThreshold} failures in a row, and half-open after {@code openDuration}, when one trial
 * request decides whether it closes again or stays open for another period.
 *
 * <p>A small state machine of our own rather than SmallRye Fault Tolerance: a proxied exchange is a
 * chain of Vert.x callbacks (connect, request body stream, response headers, response body stream),
 * not one method call that an annotation could wrap, and what counts as a failure (connect error,
 * timeout, 502 to 504 from the service) is only known in the middle of that chain.
 */
public final class CircuitBreaker {

  /** State of the circuit. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String service;
  private final int failureThreshold;
  private final long openNanos;
  private State state = State.CLOSED;
  private int failuresInARow;
  private long openedAt;
  private long trialStartedAt;
  private boolean trialInFlight;

  public CircuitBreaker(String service, int failureThreshold, Duration openDuration) {
    this.service = service;
    this.failureThreshold = Math.max(1, failureThreshold);
    this.openNanos = openDuration.toNanos();
  }

  /** Returns whether a request may go to the service now; each true needs one outcome call. */
  public synchronized boolean tryAcquire(long nowNanos) {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (nowNanos - openedAt < openNanos) {
          return false;
        }
        state = State.HALF_OPEN;
        Log.infof("Circuit of %s is half-open: one trial request is let through", service);
        return startTrial(nowNanos);
      default:
        // A trial that never reported (its caller went away) must not block the circuit forever.
        return (!trialInFlight || nowNanos - trialStartedAt >= openNanos) && startTrial(nowNanos);
    }
  }

  private boolean startTrial(long nowNanos) {
    trialInFlight = true;
    trialStartedAt = nowNanos;
    return true;
  }

  /** Records a request that reached the service and got a usable response. */
  public synchronized void onSuccess() {
    failuresInARow = 0;
    trialInFlight = false;
    if (state != State.CLOSED) {
      state = State.CLOSED;
      Log.infof("Circuit of %s is closed again", service);
    }
  }

  /** Records a failed request: connect failure, timeout, or 502 to 504 from the service. */
  public synchronized void onFailure(long nowNanos) {
    trialInFlight = false;
    failuresInARow++;
    if (state == State.HALF_OPEN || (state == State.CLOSED && failuresInARow >= failureThreshold)) {
      state = State.OPEN;
      openedAt = nowNanos;
      Log.warnf(
          "Circuit of %s is open after %d failures in a row; requests are rejected for %d ms",
          service, failuresInARow, openNanos / 1_000_000);
    }
  }

  /** Records a request whose outcome is unknown, such as one the client cancelled. */
  public synchronized void onAbandoned() {
    trialInFlight = false;
  }

  public synchronized State state() {
    return state;
  }

  /** Seconds until an open circuit lets a trial through, at least 1. */
  public synchronized long secondsUntilTrial(long nowNanos) {
    long remaining = openNanos - (nowNanos - openedAt);
    return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
  }
}
