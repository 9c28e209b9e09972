package io.citypulse.identity.session;

import io.citypulse.identity.user.User;

/** Result of presenting a refresh token. */
public sealed interface RefreshOutcome {

  /** The token was valid and is replaced by {@code refreshToken}. */
  record Rotated(Session session, User user, String refreshToken) implements RefreshOutcome {}

  /** The token cannot be used; {@code reason} is safe to show to the client. */
  record Rejected(String reason) implements RefreshOutcome {}
}
