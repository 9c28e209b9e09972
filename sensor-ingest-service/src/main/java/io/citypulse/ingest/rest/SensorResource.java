package io.citypulse.ingest.rest;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sensors of the asset registry and their reading history. Reading needs a role with sensor
 * access; a Gebäudeverwalter may read the sensors of assigned buildings only, and any other sensor
 * returns 404 as if it did not exist.
 */
@Path("/api/sensors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SensorResource {

  /** Techniker see the operational history of this many days only. */
  private static final Duration LIMITED_HISTORY = Duration.ofDays(30);

  private final SensorRepository sensors;
  private final RegistryService registry;
  private final HistoryService history;
  private final CallerResolver callers;

  public SensorResource(
      SensorRepository sensors,
      RegistryService registry,
      HistoryService history,
      CallerResolver callers) {
    this.sensors = sensors;
    this.registry = registry;
    this.history = history;
    this.callers = callers;
  }

  /** Lists the sensors of one building, or of every building the caller may see. */
  @GET
  public Uni<List<SensorView>> list(@QueryParam("buildingId") String buildingId) {
    return callers
        .current()
        .invoke(Access::requireSensorReader)
        .flatMap(
            caller -> buildingId == null ? visibleSensors(caller) : sensorsOf(caller, buildingId))
        .map(all -> all.stream().map(SensorView::of).toList());
  }

  private Uni<List<Sensor>> visibleSensors(Caller caller) {
    return sensors
        .list(null)
        .map(
            all ->
                caller
                    .assignedBuildingsOnly()
                    .map(
                        assigned ->
                            all.stream().filter(s -> assigned.contains(s.buildingId())).toList())
                    .orElse(all));
  }

  private Uni<List<Sensor>> sensorsOf(Caller caller, String buildingId) {
    return registry
        .building(buildingId)
        .invoke(b -> Access.requireVisible(caller, "Building", buildingId, b.id(), b.isPublic()))
        .chain(() -> sensors.list(buildingId));
  }

  @GET
  @Path("/{id}")
  public Uni<SensorView> get(@PathParam("id") String id) {
    return callers
        .current()
        .invoke(Access::requireSensorReader)
        .flatMap(caller -> visibleSensor(caller, id))
        .map(SensorView::of);
  }

  /** Returns the sensor, or 404 when it does not exist or lies outside the caller's buildings. */
  private Uni<Sensor> visibleSensor(Caller caller, String id) {
    return registry
        .sensor(id)
        .invoke(sensor -> Access.requireVisible(caller, "Sensor", id, sensor.buildingId(), false));
  }

  @POST
  public Uni<Response> create(@Valid @NotNull SensorRequest request) {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> registry.createSensor(request))
        .map(sensor -> respond(true, sensor));
  }

  @PUT
  @Path("/{id}")
  public Uni<Response> put(
      @PathParam("id") @Pattern(regexp = Ids.SENSOR_PATTERN, message = Ids.SENSOR_MESSAGE)
          String id,
      @Valid @NotNull SensorRequest request) {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> registry.putSensor(id, request))
        .chain(created -> registry.sensor(id).map(sensor -> respond(created, sensor)));
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> registry.deleteSensor(id))
        .map(ignored -> Response.noContent().build());
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
    return callers
        .current()
        .invoke(Access::requireSensorReader)
        .call(caller -> visibleSensor(caller, id))
        .flatMap(
            caller -> {
              Instant earliest =
                  caller.hasRole(Role.TECHNIKER) ? Instant.now().minus(LIMITED_HISTORY) : null;
              return history.history(id, from, to, resolution, earliest);
            });
  }

  private static Response respond(boolean created, Sensor sensor) {
    Response.ResponseBuilder response =
        created ? Response.created(URI.create("/api/sensors/" + sensor.id())) : Response.ok();
    return response.entity(SensorView.of(sensor)).build();
  }
}
