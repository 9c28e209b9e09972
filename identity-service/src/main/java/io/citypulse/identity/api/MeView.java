package io.citypulse.identity.api;

import io.citypulse.identity.user.User;
import java.util.List;

/** The caller's own account, as {@code GET /api/identity/me} returns it. */
public record MeView(
    String id,
    String email,
    String name,
    String role,
    String roleDisplayName,
    List<String> buildings,
    boolean mustChangePassword) {

  public static MeView of(User user) {
    return new MeView(
        user.id().toString(),
        user.email(),
        user.name(),
        user.role().id(),
        user.role().displayName(),
        user.buildings(),
        user.mustChangePassword());
  }
}
