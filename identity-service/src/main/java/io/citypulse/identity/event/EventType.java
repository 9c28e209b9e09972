package io.citypulse.identity.event;

/**
 * Kinds of identity events. The CloudEvents type on {@code citypulse.identity.events} is {@code
 * io.citypulse.identity.<slug>.v1}; the audit record of the same change carries {@code
 * identity.<slug>} as its action.
 */
public enum EventType {
  USER_CREATED("user-created"),
  ROLE_CHANGED("role-changed"),
  BUILDINGS_CHANGED("buildings-changed"),
  USER_DEACTIVATED("user-deactivated"),
  USER_SUSPENDED("user-suspended"),
  STATUS_CHANGE_SCHEDULED("status-change-scheduled"),
  USER_REACTIVATED("user-reactivated"),
  USER_LOCKED("user-locked"),
  USER_UNLOCKED("user-unlocked"),
  LOGIN_SUCCEEDED("login-succeeded"),
  LOGIN_FAILED("login-failed"),
  PASSWORD_CHANGED("password-changed"),
  SESSIONS_REVOKED("sessions-revoked"),
  REFRESH_TOKEN_REUSED("refresh-token-reused"),
  CLIENT_CREATED("client-created"),
  CLIENT_SECRET_ROTATED("client-secret-rotated"),
  CLIENT_DELETED("client-deleted"),
  SIGNING_KEY_ROTATED("signing-key-rotated"),
  LOCKDOWN_EXECUTED("lockdown-executed");

  private final String slug;

  EventType(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  /** Returns the CloudEvents type of the event on the identity topic. */
  public String cloudEventType() {
    return "io.citypulse.identity." + slug + ".v1";
  }

  /** Returns the action of the audit record. */
  public String auditAction() {
    return "identity." + slug;
  }
}
