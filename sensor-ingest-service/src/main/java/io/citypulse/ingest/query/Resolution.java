package io.citypulse.ingest.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Time resolution of a history query: raw points, or buckets with min, max, avg and count. */
public enum Resolution {
  RAW("raw", null),
  MINUTE("1m", Duration.ofMinutes(1)),
  QUARTER_HOUR("15m", Duration.ofMinutes(15)),
  HOUR("1h", Duration.ofHours(1)),
  DAY("1d", null);

  private final String id;
  private final Duration fixedWidth;

  Resolution(String id, Duration fixedWidth) {
    this.id = id;
    this.fixedWidth = fixedWidth;
  }

  public String id() {
    return id;
  }

  /** Width of a bucket that has the same length everywhere; empty for raw and for calendar days. */
  public Optional<Duration> fixedWidth() {
    return Optional.ofNullable(fixedWidth);
  }

  public static Optional<Resolution> fromId(String id) {
    return Arrays.stream(values()).filter(resolution -> resolution.id.equals(id)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Resolution::id).toList());
  }
}
