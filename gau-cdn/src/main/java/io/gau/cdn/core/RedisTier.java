package io.gau.cdn.core;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The shared second tier: binary values with a TTL in Redis. Redis being down must never fail a request,
 * so every error is a miss, and after one failure Redis is skipped for a short while instead of paying a
 * timeout on every request.
 */
public class RedisTier {
  private static final Logger LOG = LoggerFactory.getLogger(RedisTier.class);
  private static final long BACKOFF_MILLIS = 2_000;

  private final RedisClient redis;
  private final String prefix;
  private final long ttlMillis;
  private final long maxObjectBytes;
  private final InstantSource clock;
  private final Meter errors;
  private volatile long skipUntil;

  public RedisTier(
      RedisClient redis, String prefix, long ttlMillis, long maxObjectBytes, InstantSource clock, MetricRegistry metrics) {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlMillis = ttlMillis;
    this.maxObjectBytes = maxObjectBytes;
    this.clock = clock;
    this.errors = metrics.meter("gau.cdn.redis.errors");
  }

  public Optional<CachedObject> get(String id) {
    if (skipping()) {
      return Optional.empty();
    }
    try {
      byte[] value = redis.get(key(id));
      return value == null ? Optional.empty() : CachedObject.decode(value, clock.millis());
    } catch (RuntimeException e) {
      failed("GET", e);
      return Optional.empty();
    }
  }

  public void put(String id, CachedObject object) {
    if (skipping() || object.size() > maxObjectBytes) {
      return;
    }
    try {
      redis.set(key(id), object.encode(), SetParams.setParams().px(ttlMillis));
    } catch (RuntimeException e) {
      failed("SET", e);
    }
  }

  /** Warns when Redis would refuse writes or evict at random once full; a disabled CONFIG command is tolerated. */
  public void checkEvictionPolicy() {
    try {
      Map<String, String> policy = redis.configGet("maxmemory-policy");
      String value = policy.getOrDefault("maxmemory-policy", "");
      if (!List.of("allkeys-lru", "allkeys-lfu").contains(value)) {
        LOG.warn("Redis maxmemory-policy is '{}': the image cache needs allkeys-lru (or allkeys-lfu) to evict old entries", value);
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot read Redis maxmemory-policy ({}); make sure it is allkeys-lru", e.getClass().getSimpleName());
    }
  }

  private byte[] key(String id) {
    return (prefix + id).getBytes(StandardCharsets.UTF_8);
  }

  private boolean skipping() {
    return clock.millis() < skipUntil;
  }

  private void failed(String operation, RuntimeException e) {
    errors.mark();
    skipUntil = clock.millis() + BACKOFF_MILLIS;
    LOG.warn("Redis {} failed, serving without the Redis tier for {} ms: {}", operation, BACKOFF_MILLIS, e.getClass().getSimpleName());
  }
}
