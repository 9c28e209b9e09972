package io.citypulse.identity.api;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/**
 * Body of a deactivation or suspension.
 *
 * @param reason {@code role_change}, {@code security_incident}, {@code user_request} or {@code
 *     policy_violation}
 * @param effectiveAt when the change takes effect; now when left out or in the past
 */
public record StatusChangeRequest(@NotBlank String reason, Instant effectiveAt) {}
