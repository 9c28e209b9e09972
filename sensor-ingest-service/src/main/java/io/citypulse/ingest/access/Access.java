package io.citypulse.ingest.access;

import io.citypulse.access.Caller;
import io.citypulse.access.Role;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;

/**
 * The checks of the role matrix for this service. Each returns normally or throws a problem: 401
 * for an anonymous caller where a login is needed, 403 for a role that may not do the operation.
 * {@link #requireVisible} throws 404 for a building or sensor outside the caller's buildings, the
 * same as for one that does not exist.
 */
public final class Access {

  private Access() {}

  /** Sensors, raw readings and latest values: every role but Bürger. */
  public static void requireSensorReader(Caller caller) {
    requireLogin(caller);
    if (!caller.mayReadSensors()) {
      throw forbidden(caller, "read sensors and readings");
    }
  }

  /** Registry writes for sensors and devices: admin and Techniker. */
  public static void requireSensorWriter(Caller caller) {
    requireLogin(caller);
    if (!caller.mayWriteSensors()) {
      throw forbidden(caller, "change sensors");
    }
  }

  /** Buildings are managed by admins. */
  public static void requireAdmin(Caller caller) {
    requireLogin(caller);
    if (!caller.isAdmin()) {
      throw forbidden(caller, "change buildings");
    }
  }

  /** Quarantine: admin and Techniker fix it; analysts read it for data quality. */
  public static void requireQuarantineReader(Caller caller) {
    requireLogin(caller);
    if (!(caller.mayWriteSensors() || caller.hasRole(Role.ANALYST))) {
      throw forbidden(caller, "read the quarantine");
    }
  }

  /** Posting readings: a machine client with the ingest scope, or admin and Techniker. */
  public static void requireIngest(Caller caller) {
    requireLogin(caller);
    if (!caller.mayIngest()) {
      throw forbidden(caller, "post readings (a client with the 'ingest' scope may)");
    }
  }

  /** Throws 404 when the caller may not see the building, so its existence is not revealed. */
  public static void requireVisible(
      Caller caller, String resource, String id, String buildingId, boolean isPublic) {
    if (!caller.maySeeBuilding(buildingId, isPublic)) {
      throw ProblemException.notFound(resource, id);
    }
  }

  private static void requireLogin(Caller caller) {
    if (caller.isAnonymous()) {
      throw new ProblemException(
          Problem.of(401, "unauthorized", "Authentication required")
              .detail("This resource needs a bearer access token from identity-service.")
              .build());
    }
  }

  private static ProblemException forbidden(Caller caller, String action) {
    String role = caller.role().map(Role::displayName).orElse("a client without a role");
    return new ProblemException(
        Problem.of(403, "forbidden", "Forbidden")
            .detail("The role " + role + " may not " + action + ".")
            .with("role", caller.role().map(Role::id).orElse(null))
            .build());
  }
}
