package io.gau.email.db;

import io.gau.email.core.SentMailRegistry;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SentMailRegistry} in Redis: {@code <prefix><id>} holds {@code progress:<token>} (short TTL) while
 * a consumer sends and {@code sent} (idempotency window) afterwards.
 */
public final class RedisSentMailRegistry implements SentMailRegistry {
  private static final String SENT = "sent";
  private static final String IN_PROGRESS = "progress:";
  // delete only our own claim: another consumer may have claimed the id after ours expired
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  private final RedisClient redis;
  private final String prefix;
  private final Duration window;
  private final Duration inProgressTimeout;

  public RedisSentMailRegistry(RedisClient redis, String prefix, Duration window, Duration inProgressTimeout) {
    this.redis = redis;
    this.prefix = prefix;
    this.window = window;
    this.inProgressTimeout = inProgressTimeout;
  }

  @Override
  public Claim claim(String key, String token) {
    String result = redis.set(prefix + key, IN_PROGRESS + token, SetParams.setParams().nx().px(inProgressTimeout.toMillis()));
    if ("OK".equals(result)) {
      return Claim.CLAIMED;
    }
    String current = redis.get(prefix + key);
    if (current == null) {
      // the other claim expired between our two calls: try once more
      result = redis.set(prefix + key, IN_PROGRESS + token, SetParams.setParams().nx().px(inProgressTimeout.toMillis()));
      return "OK".equals(result) ? Claim.CLAIMED : Claim.IN_PROGRESS;
    }
    return SENT.equals(current) ? Claim.ALREADY_SENT : Claim.IN_PROGRESS;
  }

  @Override
  public void markSent(String key) {
    redis.set(prefix + key, SENT, SetParams.setParams().px(window.toMillis()));
  }

  @Override
  public void release(String key, String token) {
    redis.eval(RELEASE, List.of(prefix + key), List.of(IN_PROGRESS + token));
  }
}
