package io.citypulse.ingest.registry;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All LoRaWAN device mappings held in memory, so the record decoders can map uplinks without a
 * database call. The mappings are loaded before the Kafka consumer starts, read again on a
 * schedule, and updated at once when this instance changes a device.
 *
 * <p>NOTE: a change made through another instance reaches this one only with the next scheduled
 * refresh ({@code citypulse.devices.refresh-interval}). An uplink decoded in between uses the old
 * mapping, and one from a device that is new to this instance is quarantined as unknown_device and
 * can be replayed.
 */
@ApplicationScoped
public class DeviceDirectory implements DeviceLookup {

  /**
   * Startup observer priority: below the 1000 at which SmallRye Reactive Messaging (Quarkus 3.33)
   * starts the Kafka consumers, so no uplink is decoded before the mappings are loaded.
   */
  private static final int LOAD_BEFORE_MESSAGING = 900;

  private static final Duration STARTUP_LOAD_TIMEOUT = Duration.ofSeconds(60);

  private final DeviceRepository repository;
  private final AtomicLong localChanges = new AtomicLong();
  private volatile Map<String, Device> devices = Map.of();

  public DeviceDirectory(DeviceRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<Device> find(String devEui) {
    if (!Device.isDevEui(devEui)) {
      return Optional.empty();
    }
    return Optional.ofNullable(devices.get(Device.normalizeDevEui(devEui)));
  }

  void loadAtStartup(@Observes @Priority(LOAD_BEFORE_MESSAGING) StartupEvent event) {
    load().await().atMost(STARTUP_LOAD_TIMEOUT);
    Log.infof("Loaded %d LoRaWAN device mappings", devices.size());
  }

  @Scheduled(
      every = "${citypulse.devices.refresh-interval}",
      delayed = "${citypulse.devices.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return load()
        .onFailure()
        .recoverWithUni(
            failure -> {
              Log.warnf(
                  "Reading the device mappings failed, so the previous ones stay in use until the"
                      + " next refresh: %s",
                  failure.toString());
              return Uni.createFrom().voidItem();
            });
  }

  /**
   * Reads all mappings again and drops the result when this instance changed a device meanwhile.
   */
  private Uni<Void> load() {
    long changesBefore = localChanges.get();
    return repository.list().invoke(loaded -> replaceAll(loaded, changesBefore)).replaceWithVoid();
  }

  /** Makes a device's new mappings visible to the decoders after they were stored. */
  void put(Device device) {
    synchronized (this) {
      Map<String, Device> copy = new HashMap<>(devices);
      copy.put(device.devEui(), device);
      devices = Map.copyOf(copy);
      localChanges.incrementAndGet();
    }
  }

  /** Forgets a device after it was deleted. */
  void remove(String devEui) {
    synchronized (this) {
      Map<String, Device> copy = new HashMap<>(devices);
      copy.remove(devEui);
      devices = Map.copyOf(copy);
      localChanges.incrementAndGet();
    }
  }

  private void replaceAll(List<Device> loaded, long changesBefore) {
    synchronized (this) {
      // A device changed during the load may be missing from the loaded list or stale in it.
      if (localChanges.get() != changesBefore) {
        Log.debug("Device mappings changed during the refresh; keeping the newer ones");
        return;
      }
      Map<String, Device> byEui = new HashMap<>();
      loaded.forEach(device -> byEui.put(device.devEui(), device));
      devices = Map.copyOf(byEui);
    }
  }
}
