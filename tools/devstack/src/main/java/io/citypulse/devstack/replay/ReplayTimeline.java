package io.citypulse.devstack.replay;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The replayed data set as a loop: each reading's offset from the first one, and the loop period.
 *
 * <p>A gap of more than a day between two readings is shortened by whole days (the 28-hour gap
 * between datatraining.txt and datatest2.txt becomes 4 hours), and the period is a whole number of
 * days. Both keep every reading at its original time of day, so daylight in the Light column still
 * falls on daytime, and no room stays silent for a day or more.
 */
public final class ReplayTimeline {

  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final List<UciReading> readings;
  private final long[] offsetsMillis;
  private final long periodMillis;

  /**
   * @param readings sorted by time without duplicate timestamps, as {@link UciDataSet#load} returns
   *     them
   */
  public ReplayTimeline(List<UciReading> readings) {
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("The replay needs at least one reading");
    }
    this.readings = List.copyOf(readings);
    this.offsetsMillis = new long[readings.size()];
    long removedMillis = 0;
    long first = readings.get(0).observedAt().toEpochMilli();
    for (int i = 1; i < readings.size(); i++) {
      long previous = readings.get(i - 1).observedAt().toEpochMilli();
      long current = readings.get(i).observedAt().toEpochMilli();
      if (current <= previous) {
        throw new IllegalArgumentException(
            "Readings are not sorted by time at " + readings.get(i).observedAt());
      }
      long gap = current - previous;
      if (gap > DAY_MILLIS) {
        removedMillis += (gap / DAY_MILLIS) * DAY_MILLIS;
      }
      offsetsMillis[i] = current - first - removedMillis;
    }
    // One usual sampling interval after the last reading, rounded up to whole days.
    long span = offsetsMillis[offsetsMillis.length - 1] + Duration.ofMinutes(1).toMillis();
    this.periodMillis = Math.floorDiv(span + DAY_MILLIS - 1, DAY_MILLIS) * DAY_MILLIS;
  }

  public int size() {
    return readings.size();
  }

  public UciReading reading(int index) {
    return readings.get(index);
  }

  /** Milliseconds from the first reading to reading {@code index}, after shortening gaps. */
  public long offsetMillis(int index) {
    return offsetsMillis[index];
  }

  /** Length of one loop through the data set, a whole number of days. */
  public long periodMillis() {
    return periodMillis;
  }

  /** Instant of the first reading, from which the offsets count. */
  public long firstEpochMillis() {
    return readings.get(0).observedAt().toEpochMilli();
  }

  /**
   * Returns the index of the first reading whose offset is at least {@code offsetMillis}, or {@link
   * #size()} when there is none.
   */
  public int firstIndexAtOrAfter(long offsetMillis) {
    int index = Arrays.binarySearch(offsetsMillis, offsetMillis);
    return index >= 0 ? index : -index - 1;
  }
}
