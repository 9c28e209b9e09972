package io.citypulse.devstack.replay;

import io.citypulse.devstack.catalog.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * A demo room that replays the UCI data: its temperature, humidity, CO2 and light sensors get the
 * matching UCI columns, starting {@code offsetMillis} into the data set so that rooms differ.
 *
 * @param roomId building and room part of the sensor ids, such as {@code rathaus-og1-raum12}
 */
public record ReplayRoom(String roomId, long offsetMillis) {

  /** The replayed metrics, one per UCI column: Temperature, Humidity, CO2 and Light. */
  public static final List<Metric> METRICS =
      List.of(Metric.TEMPERATURE, Metric.HUMIDITY, Metric.CO2, Metric.ILLUMINANCE);

  /**
   * Rooms of the Hechingen catalog that replay the data: the town hall room of the API examples and
   * one or two rooms with light sensors in each other public building.
   */
  public static final List<String> HECHINGEN_ROOM_IDS =
      List.of(
          "rathaus-og1-raum12",
          "stadthalle-museum-og1-raum3",
          "stadtbibliothek-eg-lesesaal",
          "stadtbibliothek-og1-raum2",
          "grundschule-stadtmitte-og1-raum4",
          "grundschule-stetten-eg-raum1",
          "realschule-og1-raum7",
          "gymnasium-og1-raum9",
          "kindergarten-stadtmitte-eg-raum2",
          "kindergarten-weilheim-eg-raum3",
          "sporthalle-eg-halle1",
          "hallenbad-eg-schwimmhalle");

  /** Returns the id of the room's sensor for {@code metric}, such as {@code ...-raum12-temp}. */
  public String sensorId(Metric metric) {
    return roomId + "-" + metric.idSuffix();
  }

  /** Returns the value of the UCI column that feeds {@code metric}. */
  public static double value(UciReading reading, Metric metric) {
    return switch (metric) {
      case TEMPERATURE -> reading.temperature();
      case HUMIDITY -> reading.humidity();
      case CO2 -> reading.co2();
      case ILLUMINANCE -> reading.light();
      default -> throw new IllegalArgumentException("The UCI data has no column for " + metric);
    };
  }

  /**
   * Gives each room a start offset of whole days, spread evenly over one loop of the timeline. The
   * first room starts at offset 0.
   */
  public static List<ReplayRoom> spread(List<String> roomIds, ReplayTimeline timeline) {
    long periodDays = timeline.periodMillis() / ReplayTimeline.DAY_MILLIS;
    List<ReplayRoom> rooms = new ArrayList<>(roomIds.size());
    for (int r = 0; r < roomIds.size(); r++) {
      long offsetDays = r * periodDays / roomIds.size();
      rooms.add(new ReplayRoom(roomIds.get(r), offsetDays * ReplayTimeline.DAY_MILLIS));
    }
    return rooms;
  }
}
