package io.gau.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one way every service hashes: stored secrets (tokens, device ids), content addresses, the
 * {@code Private-Key} comparison and ES256 message digests. One digest object per thread, because looking
 * the algorithm up costs more than hashing a short value and some of these run on every request.
 */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  public static byte[] of(byte[] data) {
    return DIGEST.get().digest(data);
  }

  /** The digest of the UTF-8 bytes of {@code value}. */
  public static byte[] of(String value) {
    return of(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex of the digest. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(of(data));
  }

  /** Lower-case hex of the digest of the UTF-8 bytes of {@code value}. */
  public static String hex(String value) {
    return HexFormat.of().formatHex(of(value));
  }

  /** A fresh digest, for hashing a stream piece by piece. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
