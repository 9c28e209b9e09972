package io.citypulse.ingest.registry;

import io.citypulse.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sensors cached for validation. A batch looks up all its sensor ids at once: cached entries are
 * used while fresh, the rest are read in one query. Unknown ids are not cached, so a sensor added
 * by another instance is found on the next batch.
 */
@ApplicationScoped
public class SensorCatalog {

  private record Entry(Sensor sensor, long loadedAtNanos) {}

  private final SensorRepository repository;
  private final long ttlNanos;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public SensorCatalog(SensorRepository repository, IngestConfig config) {
    this.repository = repository;
    this.ttlNanos = config.sensorCacheTtl().toNanos();
  }

  /** Returns the known sensors among {@code ids}, keyed by id. */
  public Uni<Map<String, Sensor>> lookup(Collection<String> ids) {
    Map<String, Sensor> found = new HashMap<>();
    Set<String> missing = new HashSet<>();
    long now = System.nanoTime();
    for (String id : ids) {
      Entry entry = cache.get(id);
      if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
        found.put(id, entry.sensor());
      } else {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return repository
        .findByIds(missing)
        .map(
            loaded -> {
              long loadedAt = System.nanoTime();
              for (Sensor sensor : loaded) {
                cache.put(sensor.id(), new Entry(sensor, loadedAt));
                found.put(sensor.id(), sensor);
              }
              for (String id : missing) {
                if (!found.containsKey(id)) {
                  cache.remove(id);
                }
              }
              return found;
            });
  }

  /** Drops a sensor from the cache after it was changed or deleted. */
  public void evict(String sensorId) {
    cache.remove(sensorId);
  }
}
