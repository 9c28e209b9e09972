package io.citypulse.identity.rest;

import io.citypulse.identity.api.ClientRequest;
import io.citypulse.identity.api.ClientView;
import io.citypulse.identity.client.ClientAdminService;
import io.citypulse.identity.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Administration of machine clients (client_credentials); requires the admin role. */
@Path("/api/identity/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClientResource {

  private final ClientAdminService clients;
  private final SecurityIdentity identity;

  public ClientResource(ClientAdminService clients, SecurityIdentity identity) {
    this.clients = clients;
    this.identity = identity;
  }

  @GET
  public List<ClientView> list() {
    return clients.list().stream().map(ClientView::of).toList();
  }

  /** Creates a client; the response contains the secret, which cannot be read again. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull ClientRequest request, @Context HttpServerRequest http) {
    ClientAdminService.WithSecret created = clients.create(request, Origins.user(identity, http));
    return Response.created(URI.create("/api/identity/clients/" + created.client().id()))
        .header("Cache-Control", "no-store")
        .entity(ClientView.withSecret(created.client(), created.secret()))
        .build();
  }

  /** Replaces the secret; the response contains the new one. */
  @POST
  @Path("/{id}/secret")
  public Response rotateSecret(@PathParam("id") String id, @Context HttpServerRequest http) {
    ClientAdminService.WithSecret rotated = clients.rotateSecret(id, Origins.user(identity, http));
    return Response.ok(ClientView.withSecret(rotated.client(), rotated.secret()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id, @Context HttpServerRequest http) {
    clients.delete(id, Origins.user(identity, http));
    return Response.noContent().build();
  }
}
