package io.citypulse.devstack.replay;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citypulse.devstack.catalog.Catalog;
import io.citypulse.devstack.replay.ReplayMain.Settings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMainTest {

  @Test
  void replayRoomsExistInCatalog() {
    List<ReplayRoom> rooms =
        ReplayRoom.HECHINGEN_ROOM_IDS.stream().map(id -> new ReplayRoom(id, 0)).toList();

    assertDoesNotThrow(() -> ReplayMain.requireCatalogSensors(rooms, Catalog.hechingen()));
  }

  @Test
  void roomWithoutLightSensorIsRejected() {
    // Rooms on the ground floor of the town hall have no light sensor.
    List<ReplayRoom> rooms = List.of(new ReplayRoom("rathaus-eg-raum1", 0));

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> ReplayMain.requireCatalogSensors(rooms, Catalog.hechingen()));
    assertTrue(error.getMessage().contains("rathaus-eg-raum1-lux"), error.getMessage());
  }

  @Test
  void defaultsAreOneDayBacklogInRealTime() {
    Settings settings = Settings.parse(new String[0]);

    assertEquals(Duration.ofHours(24), settings.backlog());
    assertEquals(1, settings.speed());
    assertEquals("127.0.0.1:19092", settings.bootstrap());
    assertEquals("citypulse.readings.raw", settings.topic());
  }

  @Test
  void optionsAreParsed() {
    Settings settings = Settings.parse(new String[] {"--backlog-hours", "1.5", "--speed", "10"});

    assertEquals(Duration.ofMinutes(90), settings.backlog());
    assertEquals(10, settings.speed());
  }

  @Test
  void negativeBacklogIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Settings.parse(new String[] {"--backlog-hours", "-1"}));
  }

  @Test
  void backlogOverTwoYearsIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Settings.parse(new String[] {"--backlog-hours", "17520"}));
  }

  @Test
  void zeroSpeedIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Settings.parse(new String[] {"--speed", "0"}));
  }

  @Test
  void unknownOptionIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Settings.parse(new String[] {"--sped", "2"}));
  }

  @Test
  void helpReturnsNoSettings() {
    assertNull(Settings.parse(new String[] {"--help"}));
  }
}
