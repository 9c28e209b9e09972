package io.citypulse.identity.api;

import java.time.Instant;

/**
 * Result of an incident lock-down.
 *
 * @param accounts accounts locked, or on a dry run the accounts that would be locked
 * @param since start of the window of successful logins that was searched
 */
public record LockdownView(boolean dryRun, int accounts, Instant since) {}
