package io.citypulse.ingest.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the LoRaWAN device registry, under {@code citypulse.devices}. */
@ConfigMapping(prefix = "citypulse.devices")
public interface DeviceConfig {

  /**
   * How often the in-memory device mappings are read again from the database. A change made through
   * another instance of the service takes effect here after at most this long.
   */
  @WithDefault("PT30S")
  Duration refreshInterval();
}
