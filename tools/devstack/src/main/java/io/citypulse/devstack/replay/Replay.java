package io.citypulse.devstack.replay;

import io.citypulse.devstack.replay.ReplaySchedule.ScheduledReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes a schedule: first, at once, every reading whose time has already come (the backlog),
 * then each further reading when its time comes, until {@link #stop()}. Logs one line per minute
 * with the counts.
 */
public final class Replay {

  private static final Logger LOG = Logger.getLogger(Replay.class);
  private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

  private final ReplaySchedule schedule;
  private final ReplayPublisher publisher;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  private long nextReportMillis;
  private long sentAtLastReport;
  private long failedAtLastReport;

  public Replay(ReplaySchedule schedule, ReplayPublisher publisher, Clock clock) {
    this.schedule = schedule;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * Publishes every reading due up to now and waits until the broker has acknowledged them.
   *
   * @return the number of readings (one per sensor) published
   */
  public long publishBacklog() {
    Instant now = clock.instant();
    Instant from = schedule.peek().observedAt();
    long before = publisher.sentCount();
    while (!schedule.peek().observedAt().isAfter(now) && !stopRequested()) {
      publisher.publish(schedule.next());
    }
    publisher.flush();
    long published = publisher.sentCount() - before;
    LOG.infof(
        "Published the backlog: %d readings observed from %s to %s (%d failed)",
        published, from, now.truncatedTo(ChronoUnit.SECONDS), publisher.failedCount());
    sentAtLastReport = publisher.sentCount();
    failedAtLastReport = publisher.failedCount();
    nextReportMillis = clock.millis() + REPORT_INTERVAL.toMillis();
    return published;
  }

  /** Publishes each reading when its time comes; returns after {@link #stop()}. */
  public void runLive() throws InterruptedException {
    LOG.infof("Replaying in real time; next reading at %s", schedule.peek().observedAt());
    while (!stopRequested()) {
      long now = clock.millis();
      if (now >= nextReportMillis) {
        report();
        nextReportMillis = now + REPORT_INTERVAL.toMillis();
      }
      ScheduledReading next = schedule.peek();
      long dueMillis = next.observedAt().toEpochMilli();
      if (dueMillis <= now) {
        publisher.publish(schedule.next());
        continue;
      }
      long waitMillis = Math.min(dueMillis, nextReportMillis) - now;
      stopRequested.await(waitMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Asks {@link #publishBacklog()} and {@link #runLive()} to return soon. */
  public void stop() {
    stopRequested.countDown();
  }

  private boolean stopRequested() {
    return stopRequested.getCount() == 0;
  }

  private void report() {
    long sent = publisher.sentCount();
    long failed = publisher.failedCount();
    long newFailures = failed - failedAtLastReport;
    if (newFailures > 0) {
      LOG.warnf(
          "Published %d readings in the last minute; %d failed since the last report (latest: %s);"
              + " total %d published, %d acknowledged",
          sent - sentAtLastReport,
          newFailures,
          publisher.lastError(),
          sent,
          publisher.acknowledgedCount());
    } else {
      LOG.infof(
          "Published %d readings in the last minute; total %d published, %d acknowledged,"
              + " %d failed; next reading at %s",
          sent - sentAtLastReport,
          sent,
          publisher.acknowledgedCount(),
          failed,
          schedule.peek().observedAt());
    }
    sentAtLastReport = sent;
    failedAtLastReport = failed;
  }
}
