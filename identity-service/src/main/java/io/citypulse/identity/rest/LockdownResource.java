package io.citypulse.identity.rest;

import io.citypulse.identity.api.LockdownView;
import io.citypulse.identity.security.Roles;
import io.citypulse.identity.user.LockdownService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Incident lock-down; requires the admin role. */
@Path("/api/identity/lockdown")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LockdownResource {

  private final LockdownService lockdown;
  private final SecurityIdentity identity;

  public LockdownResource(LockdownService lockdown, SecurityIdentity identity) {
    this.lockdown = lockdown;
    this.identity = identity;
  }

  /**
   * Locks every account, except the caller's, with a successful login in the last hour; with {@code
   * dryRun=true} only counts them.
   */
  @POST
  public LockdownView lockdown(
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @Context HttpServerRequest http) {
    return lockdown.lockdown(dryRun, Origins.user(identity, http));
  }
}
