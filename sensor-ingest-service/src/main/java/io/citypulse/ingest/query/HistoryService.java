package io.citypulse.ingest.query;

import io.citypulse.ingest.api.HistoryView;
import io.citypulse.ingest.api.QueryParams;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.registry.Building;
import io.citypulse.ingest.registry.RegistryService;
import io.citypulse.ingest.registry.Sensor;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs history queries. It checks the range and resolution, bounds the number of points before
 * querying, and turns a statement timeout into a 400 that tells the caller how to narrow the query.
 */
@ApplicationScoped
public class HistoryService {

  private static final String QUERY_CANCELED = "57014";

  private final RegistryService registry;
  private final ReadingQueries queries;
  private final IngestConfig config;

  public HistoryService(RegistryService registry, ReadingQueries queries, IngestConfig config) {
    this.registry = registry;
    this.queries = queries;
    this.config = config;
  }

  /**
   * Returns the history of one sensor.
   *
   * @param earliestAllowed the caller may not look before this instant; null for no limit
   */
  public Uni<HistoryView> history(
      String sensorId,
      String fromText,
      String toText,
      String resolutionText,
      Instant earliestAllowed) {
    Resolution resolution = resolution(resolutionText);
    Instant to = toText == null ? Instant.now() : QueryParams.instant("to", toText);
    Instant from =
        fromText == null ? to.minus(Duration.ofHours(24)) : QueryParams.instant("from", fromText);
    if (!from.isBefore(to)) {
      throw ProblemException.invalidField("from", fromText, "an instant before 'to' (" + to + ")");
    }
    if (earliestAllowed != null && from.isBefore(earliestAllowed)) {
      throw new ProblemException(
          Problem.of(403, "history-limited", "History limited for this role")
              .detail(
                  "Your role sees the operational history of the last 30 days only; use a 'from'"
                      + " after "
                      + earliestAllowed
                      + ".")
              .with("earliest", earliestAllowed.toString())
              .build());
    }
    return registry
        .sensor(sensorId)
        .flatMap(
            sensor ->
                registry
                    .building(sensor.buildingId())
                    .flatMap(building -> query(sensor, building, from, to, resolution)))
        .onFailure(HistoryService::isTimeout)
        .transform(failure -> queryTooExpensive(from, to, resolution));
  }

  private Uni<HistoryView> query(
      Sensor sensor, Building building, Instant from, Instant to, Resolution resolution) {
    ZoneId zone = building.timeZone();
    if (resolution == Resolution.RAW) {
      int limit = config.maxHistoryPoints();
      return queries
          .raw(sensor.id(), from, to, limit + 1, config.queryTimeout())
          .map(
              rows -> {
                if (rows.size() > limit) {
                  throw tooManyPoints("raw points", limit + "+", limit);
                }
                List<HistoryView.Point> points =
                    rows.stream()
                        .map(
                            row ->
                                new HistoryView.Point(row.observedAt(), row.value(), row.quality()))
                        .toList();
                return view(sensor, zone, resolution, from, to, points, null);
              });
    }
    long buckets = bucketCount(from, to, resolution, zone);
    if (buckets > config.maxHistoryPoints()) {
      throw tooManyPoints("buckets", String.valueOf(buckets), config.maxHistoryPoints());
    }
    return queries
        .buckets(sensor.id(), from, to, resolution, zone, config.queryTimeout())
        .map(
            rows -> {
              List<HistoryView.Bucket> result =
                  rows.stream().map(row -> bucket(row, resolution, zone)).toList();
              return view(sensor, zone, resolution, from, to, null, result);
            });
  }

  private static HistoryView view(
      Sensor sensor,
      ZoneId zone,
      Resolution resolution,
      Instant from,
      Instant to,
      List<HistoryView.Point> points,
      List<HistoryView.Bucket> buckets) {
    return new HistoryView(
        sensor.id(),
        sensor.buildingId(),
        sensor.metric().id(),
        sensor.unit(),
        zone.getId(),
        resolution.id(),
        from,
        to,
        points,
        buckets);
  }

  private static HistoryView.Bucket bucket(
      ReadingQueries.BucketRow row, Resolution resolution, ZoneId zone) {
    ZonedDateTime start = row.start().atZone(zone);
    ZonedDateTime end =
        resolution == Resolution.DAY
            ? start.toLocalDate().plusDays(1).atStartOfDay(zone)
            : row.start().plus(resolution.fixedWidth().orElseThrow()).atZone(zone);
    return new HistoryView.Bucket(
        start.toOffsetDateTime(),
        end.toOffsetDateTime(),
        row.min(),
        row.max(),
        row.avg(),
        row.count());
  }

  /** Counts the buckets a range can span at most, before the query runs. */
  static long bucketCount(Instant from, Instant to, Resolution resolution, ZoneId zone) {
    if (resolution == Resolution.DAY) {
      return ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate())
          + 1;
    }
    long width = resolution.fixedWidth().orElseThrow().toSeconds();
    long seconds = Duration.between(from, to).toSeconds();
    return seconds / width + 2;
  }

  private static Resolution resolution(String text) {
    if (text == null) {
      return Resolution.RAW;
    }
    return Resolution.fromId(text)
        .orElseThrow(
            () -> ProblemException.invalidField("resolution", text, "one of " + Resolution.ids()));
  }

  private static ProblemException tooManyPoints(String what, String count, int limit) {
    return new ProblemException(
        Problem.of(400, "too-many-points", "Too many points requested")
            .detail(
                "The range would return "
                    + count
                    + " "
                    + what
                    + "; at most "
                    + limit
                    + " are returned. Choose a coarser resolution or a shorter range.")
            .with("limit", limit)
            .build());
  }

  private static boolean isTimeout(Throwable failure) {
    return failure instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState());
  }

  private ProblemException queryTooExpensive(Instant from, Instant to, Resolution resolution) {
    return new ProblemException(
        Problem.of(400, "query-timeout", "Query took too long")
            .detail(
                "The query for "
                    + from
                    + " to "
                    + to
                    + " at resolution "
                    + resolution.id()
                    + " ran longer than "
                    + config.queryTimeout().toMillis()
                    + " ms and was cancelled. Choose a shorter range or a coarser resolution.")
            .with("timeoutMillis", config.queryTimeout().toMillis())
            .build());
  }
}
