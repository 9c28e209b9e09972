package io.citypulse.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of sensor-ingest-service, under {@code citypulse.ingest}. */
@ConfigMapping(prefix = "citypulse.ingest")
public interface IngestConfig {

  /** Largest raw record, in bytes, that is parsed; a larger one is quarantined unread. */
  @WithDefault("1048576")
  int maxRecordBytes();

  /**
   * Raw bytes stored in one transaction. A polled Kafka batch is split into chunks of this size,
   * which bounds the memory per batch. A single larger record still forms a chunk of its own.
   */
  @WithDefault("1048576")
  int maxChunkBytes();

  /**
   * Maximum raw text, in characters, kept in the quarantine table per record; the rest is cut off.
   */
  @WithDefault("65536")
  int maxQuarantinedPayloadChars();

  /** How far in the future an observation time may lie (clock skew of gateways). */
  @WithDefault("PT5M")
  Duration maxClockSkew();

  /** Oldest observation accepted; older readings would land in archived partitions. */
  @WithDefault("P730D")
  Duration maxReadingAge();

  /** How many months ahead of the current one the readings partitions are created. */
  @WithDefault("2")
  int partitionsAheadMonths();

  /** How long a sensor stays cached for validation before it is read again. */
  @WithDefault("PT60S")
  Duration sensorCacheTtl();

  /** Statement timeout of history queries. */
  @WithDefault("PT5S")
  Duration queryTimeout();

  /** Most buckets (or raw points) one history query may return. */
  @WithDefault("10000")
  int maxHistoryPoints();

  /** Delay before a failed batch is stored again, doubling up to {@link #maxRetryBackoff()}. */
  @WithDefault("PT0.5S")
  Duration retryBackoff();

  /** Maximum delay between attempts to store a failed batch. */
  @WithDefault("PT30S")
  Duration maxRetryBackoff();

  /** A sensor is late when its newest reading is older than this many expected intervals. */
  @WithDefault("2")
  int lateAfterIntervals();

  /** A sensor is offline when its newest reading is older than this many expected intervals. */
  @WithDefault("5")
  int offlineAfterIntervals();

  /** Archiving of old readings partitions. */
  Retention retention();

  /** Settings under {@code citypulse.ingest.retention}. */
  interface Retention {

    /** Whether the scheduled job archives and drops expired partitions. */
    @WithDefault("true")
    boolean enabled();

    /** How long readings stay in PostgreSQL; whole months older than this are archived. */
    @WithDefault("P730D")
    Duration period();

    /** Folder for the gzip CSV files and their manifests. */
    @WithDefault("archive")
    String archiveDirectory();
  }

  /** Plausibility checks that flag readings without rejecting them. */
  Quality quality();

  /** Settings under {@code citypulse.ingest.quality}. */
  interface Quality {

    /** Whether readings are checked for stuck values and implausible rates of change. */
    @WithDefault("true")
    boolean enabled();

    /** A value unchanged for longer than this is flagged {@code stuck}. */
    @WithDefault("PT6H")
    Duration stuckAfter();

    /** Fastest plausible temperature change, in Cel per minute. */
    @WithDefault("2.0")
    double maxTemperatureChangePerMinute();

    /** Fastest plausible relative humidity change, in %RH per minute. */
    @WithDefault("10.0")
    double maxHumidityChangePerMinute();

    /** Fastest plausible CO2 change, in ppm per minute. */
    @WithDefault("500.0")
    double maxCo2ChangePerMinute();
  }
}
