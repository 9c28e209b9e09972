package io.citypulse.ingest.registry;

import java.util.Optional;

/** Finds a LoRaWAN device by its EUI without blocking, so decoders can call it per record. */
@FunctionalInterface
public interface DeviceLookup {

  /**
   * Finds the device.
   *
   * @param devEui 16 hex digits in either case
   */
  Optional<Device> find(String devEui);
}
