package io.citypulse.identity.user;

/** Filters of the user list; a null field does not filter. */
public record UserFilter(Role role, UserStatus status, String building, String text) {}
