package io.citypulse.devstack.replay;

import io.citypulse.devstack.CommandLineOptions;
import io.citypulse.devstack.catalog.Catalog;
import io.citypulse.devstack.catalog.Metric;
import io.citypulse.devstack.catalog.Sensor;
import io.citypulse.events.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Replays the UCI Occupancy Detection data onto demo sensors of the Hechingen catalog through the
 * raw readings topic: first a backlog that ends now, at once, then in real time, looping over the
 * data set. Stops cleanly on SIGTERM or Ctrl-C.
 */
public final class ReplayMain {

  private static final Logger LOG = Logger.getLogger(ReplayMain.class);

  /**
   * Zone in which the local timestamps of the UCI files are read. The files name no zone, so the
   * demo town's zone is used. In February 2015 it was UTC+1.
   */
  static final ZoneId DATA_ZONE = ZoneId.of("Europe/Berlin");

  /** Largest backlog, one day less than 2 years: the ingest service rejects older readings. */
  static final double MAX_BACKLOG_HOURS = Duration.ofDays(2 * 365 - 1).toHours();

  static final double MAX_SPEED = 1000;

  private static final String USAGE =
      """
      Usage: ReplayMain [options]
        --bootstrap HOST:PORT  Kafka bootstrap servers (default 127.0.0.1:19092)
        --topic NAME           topic to publish to (default citypulse.readings.raw)
        --data-dir DIR         folder with the UCI *.txt files
                               (default data/uci-occupancy-detection)
        --backlog-hours H      hours before now that are published at once on start
                               (default 24; 0 to 17496)
        --speed X              seconds of data replayed per second; 1 is real time
                               (default 1; greater than 0, at most 1000)""";

  private ReplayMain() {}

  public static void main(String[] args) throws InterruptedException {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (settings == null) {
      System.out.println(USAGE);
      return;
    }

    Replay replay;
    ReplayPublisher publisher;
    try {
      ReplayTimeline timeline = new ReplayTimeline(UciDataSet.load(settings.dataDir(), DATA_ZONE));
      List<ReplayRoom> rooms = ReplayRoom.spread(ReplayRoom.HECHINGEN_ROOM_IDS, timeline);
      requireCatalogSensors(rooms, Catalog.hechingen());
      Instant start = Instant.now().minus(settings.backlog());
      ReplaySchedule schedule = new ReplaySchedule(timeline, rooms, settings.speed(), start);
      LOG.infof(
          "Replaying %d UCI rows (a loop of %d days) onto %d rooms to %s at %s, speed %s,"
              + " backlog %s",
          timeline.size(),
          timeline.periodMillis() / ReplayTimeline.DAY_MILLIS,
          rooms.size(),
          settings.topic(),
          settings.bootstrap(),
          settings.speed(),
          settings.backlog());
      publisher = new ReplayPublisher(settings.bootstrap(), settings.topic());
      replay = new Replay(schedule, publisher, Clock.systemUTC());
    } catch (IOException | KafkaException e) {
      LOG.errorf("Starting the replay failed: %s", e.toString());
      System.exit(1);
      return;
    } catch (IllegalArgumentException | IllegalStateException e) {
      LOG.errorf("Starting the replay failed: %s", e.getMessage());
      System.exit(1);
      return;
    }

    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAndWait(replay, finished), "replay-shutdown"));
    try {
      replay.publishBacklog();
      replay.runLive();
    } finally {
      publisher.close();
      LOG.infof(
          "Replay stopped: %d readings published, %d acknowledged, %d failed",
          publisher.sentCount(), publisher.acknowledgedCount(), publisher.failedCount());
      finished.countDown();
    }
  }

  private static void stopAndWait(Replay replay, CountDownLatch finished) {
    LOG.info("Stopping the replay");
    replay.stop();
    try {
      if (!finished.await(20, TimeUnit.SECONDS)) {
        LOG.warn("The replay did not stop within 20 s; unsent readings are lost");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fails when a replayed sensor is missing from the catalog or measures something else. */
  static void requireCatalogSensors(List<ReplayRoom> rooms, Catalog catalog) {
    Map<String, Sensor> sensors = catalog.sensorsById();
    for (ReplayRoom room : rooms) {
      for (Metric metric : ReplayRoom.METRICS) {
        Sensor sensor = sensors.get(room.sensorId(metric));
        if (sensor == null || sensor.metric() != metric) {
          throw new IllegalStateException(
              "The catalog has no "
                  + metric.apiName()
                  + " sensor '"
                  + room.sensorId(metric)
                  + "' for replay room '"
                  + room.roomId()
                  + "'");
        }
      }
    }
  }

  record Settings(String bootstrap, String topic, Path dataDir, Duration backlog, double speed) {

    /** Parses and checks the options; returns null when only help was requested. */
    static Settings parse(String[] args) {
      CommandLineOptions options =
          CommandLineOptions.parse(
              args, List.of("--bootstrap", "--topic", "--data-dir", "--backlog-hours", "--speed"));
      if (options.helpRequested()) {
        return null;
      }
      double backlogHours = options.getDouble("--backlog-hours", 24);
      if (!(backlogHours >= 0 && backlogHours <= MAX_BACKLOG_HOURS)) {
        throw new IllegalArgumentException(
            "Invalid --backlog-hours "
                + backlogHours
                + ": expected 0 to "
                + (long) MAX_BACKLOG_HOURS
                + ", because sensor-ingest-service rejects readings older than 2 years");
      }
      double speed = options.getDouble("--speed", 1);
      if (!(speed > 0 && speed <= MAX_SPEED)) {
        throw new IllegalArgumentException(
            "Invalid --speed " + speed + ": expected greater than 0 and at most " + MAX_SPEED);
      }
      return new Settings(
          options.get("--bootstrap", "127.0.0.1:19092"),
          options.get("--topic", Topics.READINGS_RAW),
          Path.of(options.get("--data-dir", "data/uci-occupancy-detection")),
          Duration.ofMillis(Math.round(backlogHours * 3_600_000)),
          speed);
    }
  }
}
