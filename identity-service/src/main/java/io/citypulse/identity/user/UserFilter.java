package io.citypulse.identity.user;

import io.citypulse.access.Role;

/** Filters of the user list; a null field does not filter. */
public record UserFilter(Role role, UserStatus status, String building, String text) {}
