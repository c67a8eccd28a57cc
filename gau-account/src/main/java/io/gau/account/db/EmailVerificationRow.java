package io.gau.account.db;

import java.time.Instant;
import java.util.UUID;

/** One email-verification token (by hash): whose, which address, and whether it can still be used. */
public record EmailVerificationRow(byte[] tokenHash, UUID userId, String email, Instant expiresAt, Instant usedAt) {}
