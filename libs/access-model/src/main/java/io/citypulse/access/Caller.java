package io.citypulse.access;

import java.util.Optional;
import java.util.Set;

/**
 * The identity of a caller as access decisions need it: the subject, the role (absent for anonymous
 * callers and machine clients), the assigned buildings and the OAuth scopes.
 */
public record Caller(
    String subject, Optional<Role> role, Set<String> buildings, Set<String> scopes) {

  /** Scope a machine client needs to post readings. */
  public static final String INGEST_SCOPE = "ingest";

  public static Caller anonymous() {
    return new Caller(null, Optional.empty(), Set.of(), Set.of());
  }

  public boolean isAnonymous() {
    return subject == null;
  }

  public boolean hasRole(Role expected) {
    return role.filter(expected::equals).isPresent();
  }

  /** Returns whether the caller may see the building, given whether it is flagged public. */
  public boolean maySeeBuilding(String buildingId, boolean isPublic) {
    Role.BuildingScope scope = role.map(Role::buildings).orElse(Role.BuildingScope.PUBLIC);
    return switch (scope) {
      case ALL -> true;
      case ASSIGNED -> buildings.contains(buildingId);
      case PUBLIC -> isPublic;
    };
  }

  /**
   * Returns the buildings the caller is limited to, or empty when the role may see all buildings.
   * Callers limited to public buildings are handled by the public flag, see {@link
   * #maySeeBuilding}.
   */
  public Optional<Set<String>> assignedBuildingsOnly() {
    return role.filter(r -> r.buildings() == Role.BuildingScope.ASSIGNED).map(r -> buildings);
  }

  /** Returns whether the caller may read sensors and raw readings at all. */
  public boolean mayReadSensors() {
    return role.map(r -> r.sensors() != Role.SensorAccess.NONE).orElse(false);
  }

  public boolean mayWriteSensors() {
    return role.map(r -> r.sensors() == Role.SensorAccess.READ_WRITE).orElse(false);
  }

  public boolean isAdmin() {
    return role.map(Role::administration).orElse(false);
  }

  /** Returns whether the caller may post readings: a client with the ingest scope, or a writer. */
  public boolean mayIngest() {
    return scopes.contains(INGEST_SCOPE) || mayWriteSensors();
  }
}
