package io.gau.account.core;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords (RFC 4226 HOTP over 30-second steps). */
public final class Totp {
  public static final int PERIOD_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private Totp() {}

  /** The time step containing {@code epochSecond}. */
  public static long step(long epochSecond) {
    return Math.floorDiv(epochSecond, PERIOD_SECONDS);
  }

  /** The code for {@code step}; {@code algorithm} is a JCA HMAC name (HmacSHA1 for authenticator apps). */
  public static String code(byte[] key, long step, String algorithm, int digits) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POW10[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step (current, previous or next, to allow for clock skew) whose SHA-1 6-digit code equals
   * {@code code}; every candidate is compared in constant time.
   */
  public static OptionalLong matchingStep(byte[] key, String code, long currentStep) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long found = Long.MIN_VALUE;
    for (long step = currentStep - 1; step <= currentStep + 1; step++) {
      byte[] expected = code(key, step, "HmacSHA1", DIGITS).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, code.getBytes(StandardCharsets.US_ASCII)) && found == Long.MIN_VALUE) {
        found = step;
      }
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }
}
