package io.citypulse.devstack.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTimelineTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();

  static UciReading readingAt(String instant, double temperature) {
    return new UciReading(Instant.parse(instant), temperature, 30, 400, 700);
  }

  @Test
  void shortGapsAreKept() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(
                readingAt("2015-02-02T10:00:00Z", 20),
                readingAt("2015-02-02T10:00:59Z", 21),
                readingAt("2015-02-02T17:00:00Z", 22)));

    assertEquals(0, timeline.offsetMillis(0));
    assertEquals(59_000, timeline.offsetMillis(1));
    assertEquals(7 * HOUR, timeline.offsetMillis(2));
  }

  @Test
  void gapOverOneDayIsShortenedByWholeDays() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(readingAt("2015-02-10T08:33:00Z", 20), readingAt("2015-02-11T13:48:00Z", 21)));

    // 29 h 15 min minus one day.
    assertEquals(5 * HOUR + 15 * 60_000, timeline.offsetMillis(1));
  }

  @Test
  void periodIsWholeDaysCoveringTheData() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(readingAt("2015-02-02T10:00:00Z", 20), readingAt("2015-02-04T09:59:30Z", 21)));

    assertEquals(2 * DAY, timeline.periodMillis());
  }

  @Test
  void unsortedReadingsAreRejected() {
    List<UciReading> readings =
        List.of(readingAt("2015-02-02T10:01:00Z", 20), readingAt("2015-02-02T10:00:00Z", 21));

    assertThrows(IllegalArgumentException.class, () -> new ReplayTimeline(readings));
  }

  @Test
  void firstIndexAtOrAfterFindsNextReading() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(
                readingAt("2015-02-02T10:00:00Z", 20),
                readingAt("2015-02-02T10:01:00Z", 21),
                readingAt("2015-02-02T10:02:00Z", 22)));

    assertEquals(0, timeline.firstIndexAtOrAfter(0));
    assertEquals(1, timeline.firstIndexAtOrAfter(1));
    assertEquals(1, timeline.firstIndexAtOrAfter(60_000));
    assertEquals(3, timeline.firstIndexAtOrAfter(120_001));
  }

  @Test
  void uciDataLoopsEvery15DaysWithoutDayLongSilence() throws IOException {
    ReplayTimeline timeline =
        new ReplayTimeline(
            UciDataSet.load(
                Path.of("../../data/uci-occupancy-detection"), ZoneId.of("Europe/Berlin")));

    assertEquals(15 * DAY, timeline.periodMillis());
    long longestGap = 0;
    for (int i = 1; i < timeline.size(); i++) {
      longestGap = Math.max(longestGap, timeline.offsetMillis(i) - timeline.offsetMillis(i - 1));
    }
    long loopGap = timeline.periodMillis() - timeline.offsetMillis(timeline.size() - 1);
    assertTrue(longestGap < 8 * HOUR, "longest gap " + Duration.ofMillis(longestGap));
    assertTrue(loopGap < 8 * HOUR, "gap at the loop " + Duration.ofMillis(loopGap));
  }
}
