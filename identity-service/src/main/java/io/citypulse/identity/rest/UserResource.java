package io.citypulse.identity.rest;

import io.citypulse.access.Role;
import io.citypulse.identity.api.CreateUserRequest;
import io.citypulse.identity.api.StatusChangeRequest;
import io.citypulse.identity.api.UpdateUserRequest;
import io.citypulse.identity.api.UserPage;
import io.citypulse.identity.api.UserView;
import io.citypulse.identity.mail.InvitationMailer;
import io.citypulse.identity.security.Roles;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserAdminService;
import io.citypulse.identity.user.UserFilter;
import io.citypulse.identity.user.UserRepository;
import io.citypulse.identity.user.UserStatus;
import io.citypulse.identity.user.UserStatusService;
import io.citypulse.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** User administration; every operation requires the admin role. */
@Path("/api/identity/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

  private final UserAdminService admin;
  private final UserStatusService statuses;
  private final UserRepository users;
  private final InvitationMailer invitations;
  private final SecurityIdentity identity;

  public UserResource(
      UserAdminService admin,
      UserStatusService statuses,
      UserRepository users,
      InvitationMailer invitations,
      SecurityIdentity identity) {
    this.admin = admin;
    this.statuses = statuses;
    this.users = users;
    this.invitations = invitations;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Valid @NotNull CreateUserRequest request, @Context HttpServerRequest http) {
    User user = admin.create(request, Origins.user(identity, http));
    invitations.send(user);
    return Response.created(URI.create("/api/identity/users/" + user.id()))
        .entity(UserView.of(user))
        .build();
  }

  /** Lists users; every given filter must match, {@code q} searches e-mail and name. */
  @GET
  public UserPage list(
      @QueryParam("role") String role,
      @QueryParam("status") String status,
      @QueryParam("building") String building,
      @QueryParam("q") String text,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
    UserFilter filter = new UserFilter(role(role), status(status), building, text);
    return new UserPage(
        users.search(filter, limit, offset).stream().map(UserView::of).toList(),
        users.count(filter),
        limit,
        offset);
  }

  @GET
  @Path("/{id}")
  public UserView get(@PathParam("id") String id) {
    return UserView.of(admin.get(uuid(id)));
  }

  /** Changes role and assigned buildings. */
  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView update(
      @PathParam("id") String id,
      @Valid @NotNull UpdateUserRequest request,
      @Context HttpServerRequest http) {
    return UserView.of(admin.update(uuid(id), request, Origins.user(identity, http)));
  }

  @POST
  @Path("/{id}/deactivate")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView deactivate(
      @PathParam("id") String id,
      @Valid @NotNull StatusChangeRequest request,
      @Context HttpServerRequest http) {
    return UserView.of(
        statuses.changeStatus(
            uuid(id), UserStatus.DEACTIVATED, request, Origins.user(identity, http)));
  }

  @POST
  @Path("/{id}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView suspend(
      @PathParam("id") String id,
      @Valid @NotNull StatusChangeRequest request,
      @Context HttpServerRequest http) {
    return UserView.of(
        statuses.changeStatus(
            uuid(id), UserStatus.SUSPENDED, request, Origins.user(identity, http)));
  }

  @POST
  @Path("/{id}/reactivate")
  public UserView reactivate(@PathParam("id") String id, @Context HttpServerRequest http) {
    return UserView.of(statuses.reactivate(uuid(id), Origins.user(identity, http)));
  }

  @POST
  @Path("/{id}/unlock")
  public UserView unlock(@PathParam("id") String id, @Context HttpServerRequest http) {
    return UserView.of(statuses.unlock(uuid(id), Origins.user(identity, http)));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("User", id);
    }
  }

  private static Role role(String id) {
    return id == null
        ? null
        : Role.fromId(id)
            .orElseThrow(() -> ProblemException.invalidField("role", id, "one of " + Role.ids()));
  }

  private static UserStatus status(String id) {
    return id == null
        ? null
        : UserStatus.fromId(id)
            .orElseThrow(
                () -> ProblemException.invalidField("status", id, "one of " + UserStatus.ids()));
  }
}
