package io.gau.account.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Brute-force and mail-bombing limits kept in Redis, so every replica sees the same counts. Failed
 * logins get a progressive delay (1 s, 2 s, 4 s … up to a cap) once the free failures of a window are
 * used up — a 429 with {@code Retry-After}, never a permanent lockout an attacker could trigger.
 * When Redis is down the limits are skipped (logged): argon2's concurrency cap still bounds guessing.
 */
public class RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private static final String PREFIX = "account:limit:";

  private final RedisClient redis;
  private final InstantSource clock;
  private final Duration window;
  private final Duration maxDelay;

  public RateLimiter(RedisClient redis, InstantSource clock, Duration window, Duration maxDelay) {
    this.redis = redis;
    this.clock = clock;
    this.window = window;
    this.maxDelay = maxDelay;
  }

  /** A subject (e.g. "acct:<user id>", "ip:<address>") and the failures it may have before it must wait. */
  public record Limit(String subject, int freeFailures) {}

  /** What a subject's counter says now: its failures in the window and how long it must still wait. */
  public record Standing(long failures, int retryAfterSeconds) {
    static final Standing CLEAN = new Standing(0, 0);

    /** No failure on record in the window. */
    public boolean clean() {
      return failures == 0;
    }

    public boolean mustWait() {
      return retryAfterSeconds > 0;
    }

    /** 429 with {@code Retry-After} while the subject must wait. */
    public void requireNoWait() {
      if (mustWait()) {
        throw refusal(retryAfterSeconds);
      }
    }
  }

  /** The 429 of a subject that must wait. */
  public static ApiException refusal(int retryAfterSeconds) {
    return ApiException.tooManyRequests("Too many failed attempts; try again later", retryAfterSeconds);
  }

  /**
   * The standing of each subject, in order, read in one round trip. When Redis cannot answer every
   * subject is clean (logged): argon2's concurrency cap still bounds guessing.
   */
  public List<Standing> standings(Limit... limits) {
    String[] keys = new String[limits.length * 2];
    for (int i = 0; i < limits.length; i++) {
      keys[2 * i] = key("fail:", limits[i].subject());
      keys[2 * i + 1] = key("last:", limits[i].subject());
    }
    try {
      List<String> values = redis.mget(keys);
      List<Standing> out = new ArrayList<>(limits.length);
      for (int i = 0; i < limits.length; i++) {
        String count = values.get(2 * i);
        String last = values.get(2 * i + 1);
        out.add(count == null || last == null ? Standing.CLEAN : new Standing(Long.parseLong(count),
            waitSeconds(Long.parseLong(count) - limits[i].freeFailures(), Long.parseLong(last))));
      }
      return out;
    } catch (JedisException | NumberFormatException e) {
      LOG.warn("rate limit check skipped: {}", e.getMessage());
      return Collections.nCopies(limits.length, Standing.CLEAN);
    }
  }

  /** Once the free failures are used up, the next attempt waits 1 s, then 2 s, 4 s … (capped). */
  private int waitSeconds(long over, long lastFailureMillis) {
    if (over < 0) {
      return 0;
    }
    long delayMs = Math.min(maxDelay.toMillis(), 1000L << Math.min(over, 30));
    long waitMs = lastFailureMillis + delayMs - clock.millis();
    return waitMs > 0 ? (int) ((waitMs + 999) / 1000) : 0;
  }

  public void recordFailure(String subject) {
    try {
      String countKey = key("fail:", subject);
      long count = redis.incr(countKey);
      if (count == 1) {
        redis.pexpire(countKey, window.toMillis());
      }
      redis.set(key("last:", subject), Long.toString(clock.millis()), SetParams.setParams().px(window.toMillis()));
    } catch (JedisException e) {
      LOG.warn("failed attempt not counted: {}", e.getMessage());
    }
  }

  public void reset(String subject) {
    try {
      redis.del(key("fail:", subject), key("last:", subject));
    } catch (JedisException e) {
      LOG.warn("rate limit reset skipped: {}", e.getMessage());
    }
  }

  /** At most {@code max} attempts of a subject (e.g. "signup-ip:<address>") per {@code window}. */
  public record Quota(String subject, int max, Duration window) {}

  /** Counts one attempt against each quota and answers the first that was used up, if any. */
  private static final String SPEND = """
      local out = {}
      for i, key in ipairs(KEYS) do
        local n = redis.call('INCR', key)
        if n == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
        out[2 * i - 1] = n
        out[2 * i] = redis.call('PTTL', key)
      end
      return out
      """;

  /**
   * Counts this attempt against every quota atomically (parallel attempts cannot all slip in) and answers,
   * per quota in order, the seconds until its window ends when this attempt exceeded it, else 0. When
   * Redis cannot answer every attempt is allowed (logged).
   */
  public List<Integer> spend(Quota... quotas) {
    List<String> keys = new ArrayList<>(quotas.length);
    List<String> windows = new ArrayList<>(quotas.length);
    for (Quota quota : quotas) {
      keys.add(key("quota:", quota.subject()));
      windows.add(Long.toString(quota.window().toMillis()));
    }
    try {
      List<?> counts = (List<?>) redis.eval(SPEND, keys, windows);
      List<Integer> waits = new ArrayList<>(quotas.length);
      for (int i = 0; i < quotas.length; i++) {
        boolean exceeded = ((Number) counts.get(2 * i)).longValue() > quotas[i].max();
        long ttlMillis = ((Number) counts.get(2 * i + 1)).longValue();
        waits.add(exceeded ? (int) Math.max(1, (ttlMillis + 999) / 1000) : 0);
      }
      return waits;
    } catch (JedisException | ClassCastException e) {
      LOG.warn("quota check skipped: {}", e.getMessage());
      return Collections.nCopies(quotas.length, 0);
    }
  }

  /** True at most once per {@code interval} for {@code subject} (mail sends). */
  public boolean allowOnce(String subject, Duration interval) {
    try {
      return "OK".equals(redis.set(key("once:", subject), "1", SetParams.setParams().nx().px(interval.toMillis())));
    } catch (JedisException e) {
      LOG.warn("mail rate limit skipped: {}", e.getMessage());
      return true;
    }
  }

  /** Keys carry a hash of the subject, so no identifier or address is stored in Redis in clear. */
  private static String key(String kind, String subject) {
    return PREFIX + kind + HexFormat.of().formatHex(Sha256.of(subject), 0, 16);
  }
}
