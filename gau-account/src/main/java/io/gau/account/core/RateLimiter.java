package io.gau.account.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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

  /** A subject (e.g. "acct:<identifier>", "ip:<address>") and the failures it may have before it must wait. */
  public record Limit(String subject, int freeFailures) {}

  /** 429 when {@code subject} must still wait. */
  public void checkFailures(String subject, int freeFailures) {
    checkFailures(new Limit(subject, freeFailures));
  }

  /**
   * 429 when any of the subjects must still wait; all their counters are read in one round trip (a login
   * checks two). Returns the subjects that have failures on record, which a success then clears.
   */
  public Set<String> checkFailures(Limit... limits) {
    String[] keys = new String[limits.length * 2];
    for (int i = 0; i < limits.length; i++) {
      keys[2 * i] = key("fail:", limits[i].subject());
      keys[2 * i + 1] = key("last:", limits[i].subject());
    }
    try {
      List<String> values = redis.mget(keys);
      Set<String> failing = new HashSet<>();
      for (int i = 0; i < limits.length; i++) {
        String count = values.get(2 * i);
        String last = values.get(2 * i + 1);
        if (count != null && last != null) {
          failing.add(limits[i].subject());
          requireWaited(Long.parseLong(count) - limits[i].freeFailures(), Long.parseLong(last));
        }
      }
      return failing;
    } catch (JedisException | NumberFormatException e) {
      LOG.warn("rate limit check skipped: {}", e.getMessage());
      return Set.of();
    }
  }

  /** Once the free failures are used up, the next attempt waits 1 s, then 2 s, 4 s … (capped). */
  private void requireWaited(long over, long lastFailureMillis) {
    if (over < 0) {
      return;
    }
    long delayMs = Math.min(maxDelay.toMillis(), 1000L << Math.min(over, 30));
    long waitMs = lastFailureMillis + delayMs - clock.millis();
    if (waitMs > 0) {
      throw ApiException.tooManyRequests("Too many failed attempts; try again later", (int) ((waitMs + 999) / 1000));
    }
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
