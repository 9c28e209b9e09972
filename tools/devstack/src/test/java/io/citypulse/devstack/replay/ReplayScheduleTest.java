package io.citypulse.devstack.replay;

import static io.citypulse.devstack.replay.ReplayTimelineTest.readingAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.devstack.replay.ReplaySchedule.ScheduledReading;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayScheduleTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");
  private static ReplayTimeline uci;

  @BeforeAll
  static void loadData() throws IOException {
    uci =
        new ReplayTimeline(
            UciDataSet.load(
                Path.of("../../data/uci-occupancy-detection"), ZoneId.of("Europe/Berlin")));
  }

  private static List<ScheduledReading> take(ReplaySchedule schedule, Instant until) {
    List<ScheduledReading> readings = new ArrayList<>();
    while (!schedule.peek().observedAt().isAfter(until)) {
      readings.add(schedule.next());
    }
    return readings;
  }

  @Test
  void roomsGetWholeDayOffsets() {
    List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, uci);

    assertEquals(0, rooms.get(0).offsetMillis());
    for (int r = 1; r < rooms.size(); r++) {
      assertEquals(0, rooms.get(r).offsetMillis() % ReplayTimeline.DAY_MILLIS);
      assertTrue(rooms.get(r).offsetMillis() > rooms.get(r - 1).offsetMillis());
    }
  }

  @Test
  void backlogCoversTheHoursBeforeStart() {
    List<ReplayRoom> rooms = List.of(new ReplayRoom("rathaus-og1-raum12", 0));
    Instant start = NOW.minus(Duration.ofHours(24));
    ReplaySchedule schedule = new ReplaySchedule(uci, rooms, 1, start);

    List<ScheduledReading> backlog = take(schedule, NOW);

    assertFalse(backlog.get(0).observedAt().isBefore(start));
    assertTrue(backlog.get(0).observedAt().isBefore(start.plus(Duration.ofHours(8))));
    assertTrue(backlog.size() > 16 * 60, "only " + backlog.size() + " readings");
  }

  @Test
  void realTimeShiftsByWholeDays() {
    List<ReplayRoom> rooms = List.of(new ReplayRoom("rathaus-og1-raum12", 0));
    ReplaySchedule schedule = new ReplaySchedule(uci, rooms, 1, NOW.minus(Duration.ofHours(24)));

    for (ScheduledReading scheduled : take(schedule, NOW)) {
      long shift =
          scheduled.observedAt().toEpochMilli() - scheduled.reading().observedAt().toEpochMilli();
      assertEquals(0, shift % ReplayTimeline.DAY_MILLIS, scheduled.toString());
    }
  }

  @Test
  void timestampsDoNotDependOnStart() {
    List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, uci);
    ReplaySchedule earlier = new ReplaySchedule(uci, rooms, 1, NOW.minus(Duration.ofHours(30)));
    ReplaySchedule later = new ReplaySchedule(uci, rooms, 1, NOW.minus(Duration.ofHours(6)));

    Map<String, ScheduledReading> fromEarlier = new HashMap<>();
    for (ScheduledReading scheduled : take(earlier, NOW)) {
      fromEarlier.put(scheduled.room().roomId() + "@" + scheduled.observedAt(), scheduled);
    }
    List<ScheduledReading> fromLater = take(later, NOW);

    assertFalse(fromLater.isEmpty());
    for (ScheduledReading scheduled : fromLater) {
      ScheduledReading same =
          fromEarlier.get(scheduled.room().roomId() + "@" + scheduled.observedAt());
      assertEquals(same, scheduled);
    }
  }

  @Test
  void readingsComeInTimeOrder() {
    List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, uci);
    ReplaySchedule schedule = new ReplaySchedule(uci, rooms, 1, NOW.minus(Duration.ofHours(24)));

    List<ScheduledReading> readings = take(schedule, NOW.plus(Duration.ofHours(24)));

    for (int i = 1; i < readings.size(); i++) {
      assertFalse(
          readings.get(i).observedAt().isBefore(readings.get(i - 1).observedAt()), "reading " + i);
    }
  }

  @Test
  void roomsReplayDifferentRows() {
    List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, uci);
    ReplaySchedule schedule = new ReplaySchedule(uci, rooms, 1, NOW.minus(Duration.ofHours(24)));

    Map<String, UciReading> latestByRoom = new HashMap<>();
    for (ScheduledReading scheduled : take(schedule, NOW)) {
      latestByRoom.put(scheduled.room().roomId(), scheduled.reading());
    }

    assertEquals(rooms.size(), latestByRoom.size());
    assertEquals(
        rooms.size(),
        latestByRoom.values().stream().map(UciReading::observedAt).distinct().count());
  }

  @Test
  void scheduleLoopsPastTheEndOfTheData() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(readingAt("2015-02-02T10:00:00Z", 20), readingAt("2015-02-02T10:01:00Z", 21)));
    ReplaySchedule schedule =
        new ReplaySchedule(
            timeline, List.of(new ReplayRoom("room", 0)), 1, Instant.parse("2015-02-02T10:00:00Z"));

    List<ScheduledReading> readings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      readings.add(schedule.next());
    }

    assertEquals(Instant.parse("2015-02-03T10:00:00Z"), readings.get(2).observedAt());
    assertEquals(20, readings.get(2).reading().temperature());
    assertEquals(Instant.parse("2015-02-03T10:01:00Z"), readings.get(3).observedAt());
  }

  @Test
  void doubleSpeedHalvesTheInterval() {
    ReplayTimeline timeline =
        new ReplayTimeline(
            List.of(
                readingAt("2015-02-02T10:00:00Z", 20),
                readingAt("2015-02-02T10:01:00Z", 21),
                readingAt("2015-02-02T10:02:00Z", 22)));
    ReplaySchedule schedule =
        new ReplaySchedule(timeline, List.of(new ReplayRoom("room", 0)), 2, NOW);

    Instant first = schedule.next().observedAt();
    Instant second = schedule.next().observedAt();

    assertEquals(Duration.ofSeconds(30), Duration.between(first, second));
  }

  @Test
  void roomsWithOffsetsStartElsewhere() {
    ReplaySchedule first = new ReplaySchedule(uci, List.of(new ReplayRoom("a", 0)), 1, NOW);
    ReplaySchedule second =
        new ReplaySchedule(
            uci, List.of(new ReplayRoom("b", 3 * ReplayTimeline.DAY_MILLIS)), 1, NOW);

    assertNotEquals(first.peek().reading(), second.peek().reading());
  }

  @Test
  void zeroSpeedIsRejected() {
    List<ReplayRoom> rooms = List.of(new ReplayRoom("room", 0));

    assertThrows(IllegalArgumentException.class, () -> new ReplaySchedule(uci, rooms, 0, NOW));
  }
}
