package io.citypulse.ingest.rest;

import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.api.QueryParams;
import io.citypulse.ingest.quarantine.QuarantineFilter;
import io.citypulse.ingest.quarantine.QuarantineReplayer;
import io.citypulse.ingest.quarantine.QuarantineRepository;
import io.citypulse.ingest.quarantine.QuarantinedItem;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Quarantined input: list it, and replay it after the registry was fixed. */
@Path("/api/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

  private static final Set<String> STATUSES = Set.of("open", "replayed", "all");
  private static final int MAX_BULK_REPLAY = 10_000;

  private final QuarantineRepository repository;
  private final QuarantineReplayer replayer;
  private final CallerResolver callers;

  public QuarantineResource(
      QuarantineRepository repository, QuarantineReplayer replayer, CallerResolver callers) {
    this.repository = repository;
    this.replayer = replayer;
    this.callers = callers;
  }

  /** One page of quarantine entries with the total count of matching entries. */
  public record Page(List<QuarantinedItem> items, int page, int size, long total) {}

  /**
   * Lists quarantine entries, oldest first.
   *
   * @param status open (default), replayed or all
   */
  @GET
  public Uni<Page> list(
      @QueryParam("reason") String reason,
      @QueryParam("sensorId") String sensorId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    QuarantineFilter filter = filter(reason, sensorId, from, to, status);
    int pageNumber = QueryParams.intInRange("page", page, 0, 0, 1_000_000);
    int pageSize = QueryParams.intInRange("size", size, 50, 1, 500);
    return callers
        .current()
        .invoke(Access::requireQuarantineReader)
        .chain(() -> repository.find(filter, pageNumber * pageSize, pageSize))
        .flatMap(
            items ->
                repository
                    .count(filter)
                    .map(total -> new Page(items, pageNumber, pageSize, total)));
  }

  @GET
  @Path("/{id}")
  public Uni<QuarantinedItem> get(@PathParam("id") long id) {
    return callers
        .current()
        .invoke(Access::requireQuarantineReader)
        .chain(() -> repository.findById(id))
        .map(
            found ->
                found.orElseThrow(
                    () -> ProblemException.notFound("Quarantine entry", String.valueOf(id))));
  }

  /** Sends one entry through validation again. */
  @POST
  @Path("/{id}/replay")
  public Uni<QuarantineReplayer.ReplayOutcome> replay(@PathParam("id") long id) {
    return callers.current().invoke(Access::requireSensorWriter).chain(() -> replayer.replay(id));
  }

  /** Replays every open entry matching the filter, up to {@code limit} (default 1000). */
  @POST
  @Path("/replay")
  public Uni<QuarantineReplayer.BulkOutcome> replayAll(
      @QueryParam("reason") String reason,
      @QueryParam("sensorId") String sensorId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit) {
    QuarantineFilter filter = filter(reason, sensorId, from, to, "open");
    int max = QueryParams.intInRange("limit", limit, 1000, 1, MAX_BULK_REPLAY);
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> replayer.replayAll(filter, max));
  }

  private static QuarantineFilter filter(
      String reason, String sensorId, String from, String to, String status) {
    if (reason != null
        && Arrays.stream(ReasonCode.values()).noneMatch(c -> c.code().equals(reason))) {
      throw ProblemException.invalidField(
          "reason",
          reason,
          "one of "
              + String.join(
                  ", ", Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList()));
    }
    String effectiveStatus = status == null ? "open" : status;
    if (!STATUSES.contains(effectiveStatus)) {
      throw ProblemException.invalidField("status", status, "open, replayed or all");
    }
    return new QuarantineFilter(
        reason,
        sensorId,
        QueryParams.instant("from", from),
        QueryParams.instant("to", to),
        effectiveStatus.equals("all") ? null : effectiveStatus);
  }
}
