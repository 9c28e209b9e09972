package io.citypulse.identity.api;

import java.util.List;

/** One page of the user list, with the number of all matching users. */
public record UserPage(List<UserView> items, long total, int limit, int offset) {}
