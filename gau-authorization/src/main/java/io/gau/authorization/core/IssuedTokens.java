package io.gau.authorization.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A token pair as issued for a session, with absolute expiry times. */
public record IssuedTokens(
    String accessToken, String refreshToken, Instant accessExpiresAt, Instant refreshExpiresAt, long sessionId) {

  /** Compact form stored (encrypted) as a rotated token's successor for the grace window. */
  byte[] serialize() {
    return String.join(
            "\n",
            accessToken,
            refreshToken,
            Long.toString(accessExpiresAt.getEpochSecond()),
            Long.toString(refreshExpiresAt.getEpochSecond()),
            Long.toString(sessionId))
        .getBytes(StandardCharsets.UTF_8);
  }

  static IssuedTokens deserialize(byte[] bytes) {
    String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n");
    return new IssuedTokens(
        parts[0],
        parts[1],
        Instant.ofEpochSecond(Long.parseLong(parts[2])),
        Instant.ofEpochSecond(Long.parseLong(parts[3])),
        Long.parseLong(parts[4]));
  }
}
