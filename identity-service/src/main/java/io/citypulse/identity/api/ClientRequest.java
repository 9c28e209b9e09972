package io.citypulse.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/identity/clients}: a machine client that uses the client_credentials
 * grant, such as an HTTP sensor gateway with scope {@code ingest}.
 */
public record ClientRequest(
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{1,63}",
            message =
                "must be 2 to 64 lower-case letters, digits or '-', starting with a letter or digit")
        String clientId,
    @NotBlank @Size(max = 200) String name,
    @NotEmpty
        List<
                @Pattern(
                    regexp = "[a-z][a-z0-9:._-]{0,63}",
                    message = "must be a scope such as 'ingest'")
                String>
            scopes) {}
