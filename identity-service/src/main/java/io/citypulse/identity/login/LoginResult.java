package io.citypulse.identity.login;

import io.citypulse.identity.user.User;

/** Result of checking an e-mail address and password. */
public sealed interface LoginResult {

  /** The password is right and the account active. */
  record Succeeded(User user) implements LoginResult {}

  /** Unknown e-mail or wrong password, which the response does not distinguish. */
  record InvalidCredentials() implements LoginResult {}

  /** Too many failed logins, or an admin or the lock-down locked the account. */
  record Locked() implements LoginResult {}

  /** The password is right but the account is suspended or deactivated. */
  record Inactive(User user) implements LoginResult {}
}
