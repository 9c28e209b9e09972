package io.citypulse.ingest.rest;

import io.citypulse.ingest.api.LatestReadingView;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.query.ReadingQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Latest values across sensors. */
@Path("/api/readings")
@Produces(MediaType.APPLICATION_JSON)
public class ReadingResource {

  private final ReadingQueries queries;
  private final IngestConfig config;

  public ReadingResource(ReadingQueries queries, IngestConfig config) {
    this.queries = queries;
    this.config = config;
  }

  /** Returns the newest reading of every sensor of a building, or of all sensors. */
  @GET
  @Path("/latest")
  public Uni<List<LatestReadingView>> latest(@QueryParam("buildingId") String buildingId) {
    return queries
        .latest(buildingId, config.queryTimeout())
        .map(
            rows ->
                rows.stream()
                    .map(
                        row ->
                            new LatestReadingView(
                                row.sensorId(),
                                row.buildingId(),
                                row.metric(),
                                row.unit(),
                                row.value(),
                                row.observedAt(),
                                row.receivedAt()))
                    .toList());
  }
}
