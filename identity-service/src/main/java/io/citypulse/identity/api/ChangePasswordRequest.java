package io.citypulse.identity.api;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/identity/me/password}. */
public record ChangePasswordRequest(@NotNull String currentPassword, @NotNull String newPassword) {}
