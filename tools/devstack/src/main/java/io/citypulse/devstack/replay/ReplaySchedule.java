package io.citypulse.devstack.replay;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order and the timestamps in which the rooms replay the timeline, merged over all rooms.
 *
 * <p>The mapping from data to wall-clock time depends only on the speed, so a restarted replay
 * gives every reading the timestamp it had before, and the ingest service can recognize repeats. At
 * wall-clock time {@code w} a room is at timeline offset {@code speed * (w - first) + roomOffset},
 * modulo the period, where {@code first} is the instant of the first UCI reading. At speed 1 and
 * with whole-day room offsets every reading is thus moved by a whole number of days, so it keeps
 * its time of day in UTC+1, the offset of the data. In summer time it appears one hour later on the
 * local clock.
 */
public final class ReplaySchedule {

  private final ReplayTimeline timeline;
  private final double speed;
  private final PriorityQueue<Cursor> cursors =
      new PriorityQueue<>(
          Comparator.comparingLong((Cursor cursor) -> cursor.wallMillis)
              .thenComparingInt(cursor -> cursor.roomOrder));

  /**
   * @param speed how many seconds of data pass per wall-clock second; 1 is real time
   * @param start wall-clock time of the first reading to return
   */
  public ReplaySchedule(
      ReplayTimeline timeline, List<ReplayRoom> rooms, double speed, Instant start) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be greater than 0, got " + speed);
    }
    this.timeline = timeline;
    this.speed = speed;
    for (int r = 0; r < rooms.size(); r++) {
      cursors.add(startCursor(rooms.get(r), r, start.toEpochMilli()));
    }
  }

  /** Returns the next reading in wall-clock order without consuming it. */
  public ScheduledReading peek() {
    Cursor cursor = cursors.element();
    return new ScheduledReading(
        cursor.room, timeline.reading(cursor.index), Instant.ofEpochMilli(cursor.wallMillis));
  }

  /** Returns the next reading in wall-clock order and moves its room on by one reading. */
  public ScheduledReading next() {
    ScheduledReading reading = peek();
    Cursor cursor = cursors.remove();
    cursor.index++;
    if (cursor.index == timeline.size()) {
      cursor.index = 0;
      cursor.loop++;
    }
    cursor.wallMillis = wallMillis(cursor);
    cursors.add(cursor);
    return reading;
  }

  private Cursor startCursor(ReplayRoom room, int roomOrder, long startMillis) {
    double position = speed * (startMillis - timeline.firstEpochMillis()) + room.offsetMillis();
    long target = (long) Math.ceil(position);
    Cursor cursor = new Cursor(room, roomOrder);
    cursor.loop = Math.floorDiv(target, timeline.periodMillis());
    cursor.index = timeline.firstIndexAtOrAfter(target - cursor.loop * timeline.periodMillis());
    if (cursor.index == timeline.size()) {
      cursor.index = 0;
      cursor.loop++;
    }
    cursor.wallMillis = wallMillis(cursor);
    return cursor;
  }

  private long wallMillis(Cursor cursor) {
    long position =
        timeline.offsetMillis(cursor.index)
            + cursor.loop * timeline.periodMillis()
            - cursor.room.offsetMillis();
    return timeline.firstEpochMillis() + Math.round(position / speed);
  }

  /** A room's position in the timeline: which reading, in which loop, due at which time. */
  private static final class Cursor {
    final ReplayRoom room;
    final int roomOrder;
    int index;
    long loop;
    long wallMillis;

    Cursor(ReplayRoom room, int roomOrder) {
      this.room = room;
      this.roomOrder = roomOrder;
    }
  }

  /** A UCI reading of one room with the wall-clock time it is replayed at and stamped with. */
  public record ScheduledReading(ReplayRoom room, UciReading reading, Instant observedAt) {}
}
