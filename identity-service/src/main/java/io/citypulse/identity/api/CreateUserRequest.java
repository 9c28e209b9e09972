package io.citypulse.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/identity/users}.
 *
 * @param role a role id such as {@code gebaeudeverwalter}
 * @param buildings building ids; required for {@code gebaeudeverwalter}, empty for other roles
 * @param initialPassword must meet the password policy; the user changes it at the first login
 */
public record CreateUserRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 200) String name,
    @NotBlank String role,
    List<@Pattern(regexp = BuildingIds.PATTERN, message = BuildingIds.MESSAGE) String> buildings,
    @NotNull String initialPassword) {}
