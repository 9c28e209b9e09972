package io.citypulse.identity.rest;

import io.citypulse.identity.api.KeyView;
import io.citypulse.identity.key.SigningKeys;
import io.citypulse.identity.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Signing key administration; requires the admin role. */
@Path("/api/identity/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class KeyResource {

  private final SigningKeys keys;
  private final SecurityIdentity identity;

  public KeyResource(SigningKeys keys, SecurityIdentity identity) {
    this.keys = keys;
    this.identity = identity;
  }

  @GET
  public List<KeyView> list() {
    keys.invalidate();
    return keys.published().stream().map(KeyView::of).toList();
  }

  /** Creates a new signing key; the previous one stays in the JWKS for the overlap. */
  @POST
  @Path("/rotate")
  public KeyView rotate(@Context HttpServerRequest http) {
    return KeyView.of(keys.rotate(Origins.user(identity, http)));
  }
}
