package io.citypulse.gateway.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the periodic probes found out about one service: its state since the last change, the latest
 * changes, and every probe of the last 24 hours for availability.
 */
final class ServiceStatus {

  private static final Duration KEEP = Duration.ofHours(24);

  private final int historySize;
  private final Deque<Change> changes = new ArrayDeque<>();
  private final Deque<Sample> samples = new ArrayDeque<>();
  private ProbeResult latest;

  ServiceStatus(int historySize) {
    this.historySize = Math.max(1, historySize);
  }

  /** State changes, newest first. */
  record Change(String status, Instant since, String detail) {}

  private record Sample(Instant at, boolean up) {}

  synchronized void add(ProbeResult result) {
    boolean changed = latest == null || latest.up() != result.up();
    latest = result;
    samples.addLast(new Sample(result.checkedAt(), result.up()));
    while (!samples.isEmpty()
        && samples.peekFirst().at().isBefore(result.checkedAt().minus(KEEP))) {
      samples.removeFirst();
    }
    if (changed) {
      changes.addFirst(
          new Change(result.up() ? "up" : "down", result.checkedAt(), result.detail()));
      while (changes.size() > historySize) {
        changes.removeLast();
      }
    }
  }

  synchronized ProbeResult latest() {
    return latest;
  }

  synchronized List<Change> changes() {
    return new ArrayList<>(changes);
  }

  /** Share of probes within the window that found the service up, or null without probes. */
  synchronized Double availability(Duration window, Instant now) {
    Instant from = now.minus(window);
    long total = 0;
    long up = 0;
    for (Sample sample : samples) {
      if (!sample.at().isBefore(from)) {
        total++;
        up += sample.up() ? 1 : 0;
      }
    }
    return total == 0 ? null : (double) up / total;
  }
}
