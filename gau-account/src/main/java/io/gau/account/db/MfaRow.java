package io.gau.account.db;

import java.time.Instant;
import java.util.UUID;

/** A user's TOTP enrolment: the encrypted secret, whether it is on, and the last accepted time step. */
public record MfaRow(UUID userId, byte[] secretEnc, boolean enabled, long lastStep, Instant enabledAt) {}
