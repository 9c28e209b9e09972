package io.citypulse.identity.security;

/** Role names checked by {@code @RolesAllowed} in this service. */
public final class Roles {

  /** The admin role id of the {@code groups} claim. */
  public static final String ADMIN = "admin";

  /** Added to every active user with a full access token, whatever the role. */
  public static final String USER = "user";

  /** Held by a token that only allows the change of the initial password. */
  public static final String PASSWORD_CHANGE = "password-change";

  private Roles() {}
}
