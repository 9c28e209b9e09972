package io.citypulse.ingest.rest;

import io.citypulse.ingest.api.HistoryView;
import io.citypulse.ingest.api.Ids;
import io.citypulse.ingest.api.SensorRequest;
import io.citypulse.ingest.api.SensorView;
import io.citypulse.ingest.query.HistoryService;
import io.citypulse.ingest.registry.RegistryService;
import io.citypulse.ingest.registry.Sensor;
import io.citypulse.ingest.registry.SensorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The sensors of the asset registry and their reading history. */
@Path("/api/sensors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SensorResource {

  private final SensorRepository sensors;
  private final RegistryService registry;
  private final HistoryService history;

  public SensorResource(
      SensorRepository sensors, RegistryService registry, HistoryService history) {
    this.sensors = sensors;
    this.registry = registry;
    this.history = history;
  }

  @GET
  public Uni<List<SensorView>> list(@QueryParam("buildingId") String buildingId) {
    return sensors.list(buildingId).map(all -> all.stream().map(SensorView::of).toList());
  }

  @GET
  @Path("/{id}")
  public Uni<SensorView> get(@PathParam("id") String id) {
    return registry.sensor(id).map(SensorView::of);
  }

  @POST
  public Uni<Response> create(@Valid @NotNull SensorRequest request) {
    return registry.createSensor(request).map(sensor -> respond(true, sensor));
  }

  @PUT
  @Path("/{id}")
  public Uni<Response> put(
      @PathParam("id") @Pattern(regexp = Ids.SENSOR_PATTERN, message = Ids.SENSOR_MESSAGE)
          String id,
      @Valid @NotNull SensorRequest request) {
    return registry
        .putSensor(id, request)
        .chain(created -> registry.sensor(id).map(sensor -> respond(created, sensor)));
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return registry.deleteSensor(id).map(ignored -> Response.noContent().build());
  }

  /**
   * Returns the readings of one sensor in [from, to), raw or aggregated per bucket.
   *
   * @param from ISO-8601 instant; 24 hours before {@code to} when left out
   * @param to ISO-8601 instant; now when left out
   * @param resolution raw, 1m, 15m, 1h or 1d (calendar days in the building's time zone)
   */
  @GET
  @Path("/{id}/readings")
  public Uni<HistoryView> readings(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("resolution") String resolution) {
    return history.history(id, from, to, resolution);
  }

  private static Response respond(boolean created, Sensor sensor) {
    Response.ResponseBuilder response =
        created ? Response.created(URI.create("/api/sensors/" + sensor.id())) : Response.ok();
    return response.entity(SensorView.of(sensor)).build();
  }
}
