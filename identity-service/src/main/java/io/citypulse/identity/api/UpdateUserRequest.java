package io.citypulse.identity.api;

import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Body of {@code PATCH /api/identity/users/{id}}; a null field stays unchanged. Changing the role
 * away from {@code gebaeudeverwalter} clears the buildings.
 */
public record UpdateUserRequest(
    String role,
    List<@Pattern(regexp = BuildingIds.PATTERN, message = BuildingIds.MESSAGE) String> buildings) {}
