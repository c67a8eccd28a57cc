package io.gau.authorization.core;

import io.gau.shared.crypto.Sha256;
import java.util.Base64;

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
    return Sha256.hex(token);
  }
}
