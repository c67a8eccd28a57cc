package io.gau.account.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with argon2id (PHC string format), caps how many hashes run at once,
 * and recognises the reference system's unsalted SHA-256 hex hashes so they can be upgraded on login.
 */
public class PasswordHasher {
  /** Outcome of a verification. */
  public enum Result {
    MATCH,
    /** Correct, but stored with a legacy scheme or weaker parameters: store {@link #hash} of it now. */
    MATCH_NEEDS_REHASH,
    NO_MATCH
  }

  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Pattern LEGACY_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  /**
   * One reusable argon2 memory pool per concurrent hash: the cap on concurrent hashes, and no 19 MiB of
   * fresh blocks per login (allocating them made the GC cost more than the hash on a small heap).
   */
  private final BlockingQueue<Argon2BytesGenerator.BlockPool> pools;
  /**
   * Sign-ups may hold only a quarter of the pools at once, so a flood of sign-ups (which anyone can send)
   * leaves most of argon2's capacity to logins.
   */
  private final Semaphore signUpShare;
  private final SecureRandom random = new SecureRandom();
  /** Verified when there is no user (or no password), so that such attempts cost the same time. */
  private final String dummyHash;

  public PasswordHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.pools = new ArrayBlockingQueue<>(maxConcurrent, true);
    for (int i = 0; i < maxConcurrent; i++) {
      pools.add(new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(memoryKib, parallelism)));
    }
    this.signUpShare = new Semaphore(Math.max(1, maxConcurrent / 4), true);
    this.dummyHash = hash("dummy-password-for-unknown-users");
  }

  /** {@link #hash} within the sign-up share of the hashing capacity; 503 when that share stays busy. */
  public String hashForSignUp(String password) {
    try {
      if (!signUpShare.tryAcquire(2, TimeUnit.SECONDS)) {
        throw ApiException.unavailable("busy", "Too many sign-ups at once; try again shortly", 1, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("busy", "Interrupted while waiting to hash the password", 1, e);
    }
    try {
      return hash(password);
    } finally {
      signUpShare.release();
    }
  }

  /** A new argon2id PHC string with a random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(out);
  }

  /** Checks a password against a stored hash; {@code null} stored (no password) never matches. */
  public Result verify(String password, String stored) {
    if (stored == null) {
      verifyDummy(password);
      return Result.NO_MATCH;
    }
    Matcher phc = PHC.matcher(stored);
    if (phc.matches()) {
      int m = Integer.parseInt(phc.group(1));
      int t = Integer.parseInt(phc.group(2));
      int p = Integer.parseInt(phc.group(3));
      byte[] salt = B64D.decode(phc.group(4));
      byte[] expected = B64D.decode(phc.group(5));
      byte[] actual = argon2(password, salt, m, t, p, expected.length);
      if (!MessageDigest.isEqual(expected, actual)) {
        return Result.NO_MATCH;
      }
      boolean weaker = m < memoryKib || t < iterations || p < parallelism;
      return weaker ? Result.MATCH_NEEDS_REHASH : Result.MATCH;
    }
    if (LEGACY_SHA256.matcher(stored).matches()) {
      // same cost as an argon2 check, so a legacy account is not told apart by timing
      verifyDummy(password);
      byte[] actual = Sha256.hex(password).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), actual)
          ? Result.MATCH_NEEDS_REHASH
          : Result.NO_MATCH;
    }
    verifyDummy(password);
    return Result.NO_MATCH;
  }

  /** Spends the time of one real verification and discards the result. */
  public void verifyDummy(String password) {
    Matcher phc = PHC.matcher(dummyHash);
    if (phc.matches()) {
      argon2(password, B64D.decode(phc.group(4)), memoryKib, iterations, parallelism, HASH_BYTES);
    }
  }

  private byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
    Argon2BytesGenerator.BlockPool pool = acquire();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withMemoryAsKB(m)
              .withIterations(t)
              .withParallelism(p)
              .withSalt(salt)
              .withBlockPool(pool)
              .build());
      byte[] out = new byte[length];
      generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
      return out;
    } finally {
      pools.add(pool);
    }
  }

  private Argon2BytesGenerator.BlockPool acquire() {
    try {
      Argon2BytesGenerator.BlockPool pool = pools.poll(10, TimeUnit.SECONDS);
      if (pool == null) {
        throw ApiException.unavailable("busy", "Too many logins in progress, try again shortly", 2, null);
      }
      return pool;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("busy", "Interrupted while waiting to check the password", 2, e);
    }
  }
}
