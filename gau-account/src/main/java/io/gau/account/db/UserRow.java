package io.gau.account.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code users}; the password hash never leaves the service. */
public record UserRow(
    UUID userId,
    String username,
    String email,
    boolean emailVerified,
    Instant emailVerifiedAt,
    String pendingEmail,
    String phone,
    boolean phoneVerified,
    String passwordHash,
    String fullname,
    String gender,
    LocalDate dateOfBirth,
    String facebookUrl,
    String githubUrl,
    String avatarUrl,
    String permission,
    Instant createdAt,
    Instant updatedAt) {}
