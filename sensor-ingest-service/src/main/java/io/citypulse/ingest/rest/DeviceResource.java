package io.citypulse.ingest.rest;

import io.citypulse.ingest.access.Access;
import io.citypulse.ingest.access.CallerResolver;
import io.citypulse.ingest.registry.Device;
import io.citypulse.ingest.registry.DeviceField;
import io.citypulse.ingest.registry.DeviceService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LoRaWAN devices (The Things Stack, ChirpStack) and the sensor each decoded payload field feeds.
 * Device EUIs are accepted in either case and returned in lower case.
 */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

  private final DeviceService devices;
  private final CallerResolver callers;

  public DeviceResource(DeviceService devices, CallerResolver callers) {
    this.devices = devices;
    this.callers = callers;
  }

  @GET
  public Uni<List<DeviceView>> list() {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(devices::list)
        .map(all -> all.stream().map(DeviceView::of).toList());
  }

  @GET
  @Path("/{devEui}")
  public Uni<DeviceView> get(@PathParam("devEui") String devEui) {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> devices.device(devEui))
        .map(DeviceView::of);
  }

  /** Creates the device (201) or replaces all its field mappings (200). */
  @PUT
  @Path("/{devEui}")
  public Uni<Response> put(
      @PathParam("devEui") String devEui, @Valid @NotNull DeviceRequest request) {
    Map<String, DeviceField> fields = new HashMap<>();
    request.fields().forEach((path, field) -> fields.put(path, field.toField()));
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> devices.put(devEui, fields))
        .chain(created -> devices.device(devEui).map(device -> respond(created, device)));
  }

  @DELETE
  @Path("/{devEui}")
  public Uni<Response> delete(@PathParam("devEui") String devEui) {
    return callers
        .current()
        .invoke(Access::requireSensorWriter)
        .chain(() -> devices.delete(devEui))
        .map(ignored -> Response.noContent().build());
  }

  private static Response respond(boolean created, Device device) {
    Response.ResponseBuilder response =
        created ? Response.created(URI.create("/api/devices/" + device.devEui())) : Response.ok();
    return response.entity(DeviceView.of(device)).build();
  }
}
