package io.gau.authorization.db;

import java.time.Instant;

/** One row of {@code refresh_tokens}: the hash of a refresh token and, once rotated, its encrypted successor. */
public record RefreshTokenRow(
    String tokenHash, long sessionId, Instant createdAt, Instant rotatedAt, byte[] successorCiphertext) {

  public boolean rotated() {
    return rotatedAt != null;
  }
}
