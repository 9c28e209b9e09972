package io.citypulse.identity.user;

import io.citypulse.access.Role;
import io.citypulse.identity.api.CreateUserRequest;
import io.citypulse.identity.api.UpdateUserRequest;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.password.PasswordPolicy;
import io.citypulse.identity.persistence.DataAccessException;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Creates users and changes their role and buildings. */
@ApplicationScoped
public class UserAdminService {

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Outbox outbox;

  public UserAdminService(
      UserRepository users, PasswordHasher hasher, PasswordPolicy policy, Outbox outbox) {
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.outbox = outbox;
  }

  public User get(UUID id) {
    return users.findById(id).orElseThrow(() -> ProblemException.notFound("User", id.toString()));
  }

  /**
   * Creates a user who must change the initial password at the first login. An e-mail address that
   * differs from a stored one only in case is a conflict.
   */
  @Transactional
  public User create(CreateUserRequest request, Actor actor) {
    Role role = role(request.role());
    List<String> buildings = buildings(role, request.buildings());
    String email = request.email().trim();
    policy.check(request.initialPassword(), email);
    if (users.findByEmail(email).isPresent()) {
      throw emailTaken(email);
    }

    Instant now = Instant.now();
    User user =
        new User(
            UUID.randomUUID(),
            email,
            request.name().trim(),
            role,
            buildings,
            UserStatus.ACTIVE,
            null,
            null,
            null,
            null,
            hasher.hash(request.initialPassword()),
            true,
            null,
            now);
    try {
      users.insert(user);
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        throw emailTaken(email);
      }
      throw e;
    }
    outbox.userEvent(
        EventType.USER_CREATED,
        user.id(),
        user.email(),
        actor,
        Map.of("name", user.name(), "role", role.id(), "buildings", buildings));
    Log.infof("User %s created with role %s by %s", user.id(), role.id(), actor.id());
    return user;
  }

  /** Changes role and buildings; each actual change records its own event. */
  @Transactional
  public User update(UUID id, UpdateUserRequest request, Actor actor) {
    User user =
        users
            .findByIdForUpdate(id)
            .orElseThrow(() -> ProblemException.notFound("User", id.toString()));
    Role role = request.role() == null ? user.role() : role(request.role());
    List<String> requested = request.buildings();
    if (requested == null) {
      requested = hasAssignedBuildings(role) ? user.buildings() : List.of();
    }
    List<String> buildings = buildings(role, requested);

    users.updateRoleAndBuildings(id, role, buildings, Instant.now());
    if (role != user.role()) {
      outbox.userEvent(
          EventType.ROLE_CHANGED,
          id,
          user.email(),
          actor,
          Map.of("previousRole", user.role().id(), "role", role.id()));
      Log.infof("Role of user %s changed from %s to %s", id, user.role().id(), role.id());
    }
    if (!Objects.equals(buildings, user.buildings())) {
      outbox.userEvent(
          EventType.BUILDINGS_CHANGED,
          id,
          user.email(),
          actor,
          Map.of("previousBuildings", user.buildings(), "buildings", buildings));
    }
    return users.findById(id).orElseThrow();
  }

  private static Role role(String id) {
    return Role.fromId(id)
        .orElseThrow(() -> ProblemException.invalidField("role", id, "one of " + Role.ids()));
  }

  private static List<String> buildings(Role role, List<String> requested) {
    List<String> buildings =
        requested == null ? List.of() : requested.stream().distinct().sorted().toList();
    if (hasAssignedBuildings(role) && buildings.isEmpty()) {
      throw ProblemException.invalidField(
          "buildings", buildings, "at least one building id for role " + role.id());
    }
    if (!hasAssignedBuildings(role) && !buildings.isEmpty()) {
      throw ProblemException.invalidField(
          "buildings",
          buildings,
          "no buildings: role " + role.id() + " sees all buildings its permissions allow");
    }
    return buildings;
  }

  /** Returns whether users of the role see only the buildings assigned to them. */
  private static boolean hasAssignedBuildings(Role role) {
    return role.buildings() == Role.BuildingScope.ASSIGNED;
  }

  private static ProblemException emailTaken(String email) {
    return ProblemException.conflict(
        "email-taken", "A user with e-mail address '" + email + "' exists already.");
  }
}
