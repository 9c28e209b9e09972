package io.citypulse.identity.user;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why an admin deactivated or suspended a user. */
public enum StatusReason {
  ROLE_CHANGE("role_change"),
  SECURITY_INCIDENT("security_incident"),
  USER_REQUEST("user_request"),
  POLICY_VIOLATION("policy_violation");

  private final String id;

  StatusReason(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<StatusReason> fromId(String id) {
    return Arrays.stream(values()).filter(reason -> reason.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(StatusReason::id).toList();
  }
}
