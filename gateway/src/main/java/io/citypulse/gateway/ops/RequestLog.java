package io.citypulse.gateway.ops;

import io.citypulse.gateway.audit.ApiRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The gateway's own log of API requests, kept as 10-second slots for 24 hours, from which the KPIs
 * of {@code /api/metrics} are computed over sliding windows. A window of 5 minutes covers the
 * current slot and the 29 before it, so it spans between 4:50 and 5:00 minutes.
 */
@ApplicationScoped
public class RequestLog {

  static final long SLOT_MILLIS = 10_000;
  static final int SLOTS = (int) (Duration.ofHours(24).toMillis() / SLOT_MILLIS);

  /** Most distinct users remembered per slot; beyond it active users are undercounted. */
  private static final int MAX_USERS_PER_SLOT = 10_000;

  private final Slot[] slots = new Slot[SLOTS];

  /** Adds a finished request. */
  public void record(ApiRequest request, long nowMillis) {
    Slot slot = slotFor(nowMillis);
    synchronized (slot) {
      slot.requests++;
      if (request.status() >= 500) {
        slot.serverErrors++;
      }
      slot.totalMillis += request.durationMs();
      slot.bins[LatencyHistogram.bin(request.durationMs())]++;
      if (!"anonymous".equals(request.user()) && slot.users.size() < MAX_USERS_PER_SLOT) {
        slot.users.add(request.user());
      }
    }
  }

  /** Sums the slots of the window that ends now. */
  public WindowStats window(Duration window, long nowMillis) {
    long current = nowMillis / SLOT_MILLIS;
    int count = (int) Math.min(SLOTS, Math.max(1, window.toMillis() / SLOT_MILLIS));
    WindowStats stats = new WindowStats();
    for (long index = current - count + 1; index <= current; index++) {
      Slot slot = slots[(int) Math.floorMod(index, (long) SLOTS)];
      if (slot == null) {
        continue;
      }
      synchronized (slot) {
        if (slot.index != index) {
          continue;
        }
        stats.add(slot);
      }
    }
    return stats;
  }

  private Slot slotFor(long nowMillis) {
    long index = nowMillis / SLOT_MILLIS;
    int position = (int) Math.floorMod(index, (long) SLOTS);
    synchronized (slots) {
      Slot slot = slots[position];
      if (slot == null || slot.index != index) {
        slot = new Slot(index);
        slots[position] = slot;
      }
      return slot;
    }
  }

  private static final class Slot {
    final long index;
    long requests;
    long serverErrors;
    long totalMillis;
    final long[] bins = new long[LatencyHistogram.BINS];
    final Set<String> users = new HashSet<>();

    Slot(long index) {
      this.index = index;
    }
  }

  /** Sums over the slots of one window. */
  public static final class WindowStats {
    private long requests;
    private long serverErrors;
    private long totalMillis;
    private final long[] bins = new long[LatencyHistogram.BINS];
    private final Set<String> users = new HashSet<>();

    private void add(Slot slot) {
      requests += slot.requests;
      serverErrors += slot.serverErrors;
      totalMillis += slot.totalMillis;
      for (int i = 0; i < bins.length; i++) {
        bins[i] += slot.bins[i];
      }
      users.addAll(slot.users);
    }

    public long requests() {
      return requests;
    }

    public double averageMillis() {
      return requests == 0 ? 0 : (double) totalMillis / requests;
    }

    public double p95Millis() {
      return LatencyHistogram.percentile(bins, 0.95);
    }

    /** Share of requests that returned a 5xx status, 0 to 1. */
    public double errorRate() {
      return requests == 0 ? 0 : (double) serverErrors / requests;
    }

    public int activeUsers() {
      return users.size();
    }
  }
}
