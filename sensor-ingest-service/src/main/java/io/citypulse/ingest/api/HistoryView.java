package io.citypulse.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Readings of one sensor over a time range: {@code points} for raw resolution, {@code buckets}
 * otherwise. Bucket bounds are given in the building's time zone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(
    String sensorId,
    String buildingId,
    String metric,
    String unit,
    String timeZone,
    String resolution,
    Instant from,
    Instant to,
    List<Point> points,
    List<Bucket> buckets) {

  /** One raw reading; {@code quality} lists its flags, such as {@code stuck}, when it has any. */
  public record Point(
      Instant observedAt,
      double value,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> quality) {}

  /** One bucket: [start, end) in local time, and the aggregates of its readings. */
  public record Bucket(
      OffsetDateTime start, OffsetDateTime end, double min, double max, double avg, long count) {}
}
