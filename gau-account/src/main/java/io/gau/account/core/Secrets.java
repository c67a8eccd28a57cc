package io.gau.account.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens for links and challenges (256 bits, URL-safe); they are stored under their SHA-256
 * ({@link io.gau.shared.crypto.Sha256}).
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 32 random bytes, base64url without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
