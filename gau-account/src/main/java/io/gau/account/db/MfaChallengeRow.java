package io.gau.account.db;

import java.time.Instant;
import java.util.UUID;

/** A pending second login step (password already checked), found by the hash of its {@code mfa_token}. */
public record MfaChallengeRow(UUID userId, String deviceId, Instant expiresAt, int attempts, Instant usedAt) {}
