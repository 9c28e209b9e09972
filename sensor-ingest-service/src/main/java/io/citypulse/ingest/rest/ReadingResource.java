package io.citypulse.ingest.rest;

import io.citypulse.access.Caller;
import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.api.LatestReadingView;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.query.ReadingQueries;
import io.citypulse.ingest.registry.RegistryService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Latest values across sensors, limited to the buildings the caller may see. */
@Path("/api/readings")
@Produces(MediaType.APPLICATION_JSON)
public class ReadingResource {

  private final ReadingQueries queries;
  private final RegistryService registry;
  private final CallerResolver callers;
  private final IngestConfig config;

  public ReadingResource(
      ReadingQueries queries,
      RegistryService registry,
      CallerResolver callers,
      IngestConfig config) {
    this.queries = queries;
    this.registry = registry;
    this.callers = callers;
    this.config = config;
  }

  /** Returns the newest reading of every sensor of a building, or of all visible sensors. */
  @GET
  @Path("/latest")
  public Uni<List<LatestReadingView>> latest(@QueryParam("buildingId") String buildingId) {
    return callers
        .current()
        .invoke(Access::requireSensorReader)
        .call(
            caller ->
                buildingId == null
                    ? Uni.createFrom().voidItem()
                    : requireVisible(caller, buildingId))
        .flatMap(
            caller ->
                queries.latest(
                    buildingId, caller.assignedBuildingsOnly().orElse(null), config.queryTimeout()))
        .map(rows -> rows.stream().map(ReadingResource::view).toList());
  }

  private Uni<Void> requireVisible(Caller caller, String buildingId) {
    return registry
        .building(buildingId)
        .invoke(b -> Access.requireVisible(caller, "Building", buildingId, b.id(), b.isPublic()))
        .replaceWithVoid();
  }

  private static LatestReadingView view(ReadingQueries.LatestRow row) {
    return new LatestReadingView(
        row.sensorId(),
        row.buildingId(),
        row.metric(),
        row.unit(),
        row.value(),
        row.observedAt(),
        row.receivedAt());
  }
}
