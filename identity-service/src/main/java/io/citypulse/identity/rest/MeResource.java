package io.citypulse.identity.rest;

import io.citypulse.identity.api.ChangePasswordRequest;
import io.citypulse.identity.api.MeView;
import io.citypulse.identity.security.Roles;
import io.citypulse.identity.user.PasswordChangeService;
import io.citypulse.identity.user.UserAdminService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Self service of the logged-in user. */
@Path("/api/identity/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  private final UserAdminService users;
  private final PasswordChangeService passwords;
  private final SecurityIdentity identity;

  public MeResource(
      UserAdminService users, PasswordChangeService passwords, SecurityIdentity identity) {
    this.users = users;
    this.passwords = passwords;
    this.identity = identity;
  }

  @GET
  @RolesAllowed(Roles.USER)
  public MeView me() {
    return MeView.of(users.get(Origins.userId(identity)));
  }

  /**
   * Changes the caller's password. The restricted token of a user who must change the initial
   * password is accepted here and nowhere else. Every session of the user ends; log in again.
   */
  @POST
  @Path("/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.USER, Roles.PASSWORD_CHANGE})
  public Response changePassword(
      @Valid @NotNull ChangePasswordRequest request, @Context HttpServerRequest http) {
    passwords.change(
        Origins.userId(identity),
        request.currentPassword(),
        request.newPassword(),
        Origins.user(identity, http));
    return Response.noContent().build();
  }
}
