package io.gau.authorization.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * One DRBG per thread for tokens, ids, IVs and ECDSA nonces. The JDK's default {@code NativePRNG} (behind
 * {@code new SecureRandom()} and {@code UUID.randomUUID()}) serialises every caller on one process-wide lock;
 * under load on one core, request threads queued there for 20 ms and more (JFR, see docs/authorization.md).
 */
final class Randomness {
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Randomness::drbg);

  private Randomness() {}

  static SecureRandom current() {
    return RANDOM.get();
  }

  static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.get().nextBytes(bytes);
    return bytes;
  }

  /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes, without its shared lock. */
  static UUID uuid() {
    byte[] b = bytes(16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG"); // seeded from the OS entropy source, then lock-free for its thread
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("DRBG is part of every JRE since 9", e);
    }
  }
}
