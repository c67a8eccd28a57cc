package io.gau.authorization.db;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code sessions}: a login on one device, whose id is also its revocation bit. */
public record SessionRow(
    long id,
    UUID userId,
    String deviceId,
    String permission,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
