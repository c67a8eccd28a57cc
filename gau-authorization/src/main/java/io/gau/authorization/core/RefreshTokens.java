package io.gau.authorization.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Makes 256-bit random refresh tokens and the SHA-256 hashes under which they are stored. */
public final class RefreshTokens {
  /** 32 bytes in unpadded base64url; anything much longer cannot be ours and is not hashed. */
  private static final int MAX_LENGTH = 256;

  private RefreshTokens() {}

  public static String generate() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(32));
  }

  public static boolean plausible(String token) {
    return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
  }

  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
