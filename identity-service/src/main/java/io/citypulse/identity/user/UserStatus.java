package io.citypulse.identity.user;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Account status; only an active user can log in or refresh a session. */
public enum UserStatus {
  ACTIVE("active"),
  SUSPENDED("suspended"),
  DEACTIVATED("deactivated"),
  LOCKED("locked");

  private final String id;

  UserStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<UserStatus> fromId(String id) {
    return Arrays.stream(values()).filter(status -> status.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(UserStatus::id).toList();
  }
}
