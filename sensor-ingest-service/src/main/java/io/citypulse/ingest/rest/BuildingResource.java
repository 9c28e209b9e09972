package io.citypulse.ingest.rest;

import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.api.BuildingRequest;
import io.citypulse.ingest.api.BuildingView;
import io.citypulse.ingest.api.Ids;
import io.citypulse.ingest.registry.BuildingRepository;
import io.citypulse.ingest.registry.RegistryService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The buildings of the asset registry. */
@Path("/api/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BuildingResource {

  private final BuildingRepository buildings;
  private final RegistryService registry;
  private final CallerResolver callers;

  public BuildingResource(
      BuildingRepository buildings, RegistryService registry, CallerResolver callers) {
    this.buildings = buildings;
    this.registry = registry;
    this.callers = callers;
  }

  /** Lists the buildings the caller may see: public ones for citizens and anonymous callers. */
  @GET
  public Uni<List<BuildingView>> list() {
    return callers
        .current()
        .flatMap(
            caller ->
                buildings
                    .listAll()
                    .map(
                        all ->
                            all.stream()
                                .filter(b -> caller.maySeeBuilding(b.id(), b.isPublic()))
                                .map(BuildingView::of)
                                .toList()));
  }

  @GET
  @Path("/{id}")
  public Uni<BuildingView> get(@PathParam("id") String id) {
    return callers
        .current()
        .flatMap(
            caller ->
                registry
                    .building(id)
                    .invoke(
                        b -> Access.requireVisible(caller, "Building", id, b.id(), b.isPublic())))
        .map(BuildingView::of);
  }

  @POST
  public Uni<Response> create(@Valid @NotNull BuildingRequest request) {
    return callers
        .current()
        .invoke(Access::requireAdmin)
        .chain(() -> registry.createBuilding(request))
        .map(
            building ->
                Response.created(URI.create("/api/buildings/" + building.id()))
                    .entity(BuildingView.of(building))
                    .build());
  }

  @PUT
  @Path("/{id}")
  public Uni<Response> put(
      @PathParam("id") @Pattern(regexp = Ids.BUILDING_PATTERN, message = Ids.BUILDING_MESSAGE)
          String id,
      @Valid @NotNull BuildingRequest request) {
    return callers
        .current()
        .invoke(Access::requireAdmin)
        .chain(() -> registry.putBuilding(id, request))
        .chain(created -> registry.building(id).map(building -> respond(created, building)));
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return callers
        .current()
        .invoke(Access::requireAdmin)
        .chain(() -> registry.deleteBuilding(id))
        .map(ignored -> Response.noContent().build());
  }

  private static Response respond(boolean created, io.citypulse.ingest.registry.Building building) {
    Response.ResponseBuilder response =
        created ? Response.created(URI.create("/api/buildings/" + building.id())) : Response.ok();
    return response.entity(BuildingView.of(building)).build();
  }
}
