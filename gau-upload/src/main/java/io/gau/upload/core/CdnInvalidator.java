package io.gau.upload.core;

import io.gau.shared.storage.ObjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Tells gau-cdn that an object changed or disappeared: deletes the CDN's Redis copy and publishes the
 * {@code <bucket>/<key>} on the invalidation channel so every CDN replica drops its in-process copy and
 * any remembered 404. Best effort: the write already happened, so a Redis outage only delays eviction
 * until the CDN's own revalidation interval.
 */
public class CdnInvalidator {
  private static final Logger LOG = LoggerFactory.getLogger(CdnInvalidator.class);

  private final RedisClient redis;
  private final String cacheKeyPrefix;
  private final String channel;

  public CdnInvalidator(RedisClient redis, String cacheKeyPrefix, String channel) {
    this.redis = redis;
    this.cacheKeyPrefix = cacheKeyPrefix;
    this.channel = channel;
  }

  public void invalidate(String bucket, String key) {
    String object = ObjectKeys.cacheId(bucket, key);
    try {
      redis.del(cacheKeyPrefix + object);
      redis.publish(channel, object);
    } catch (RuntimeException e) {
      LOG.warn("CDN invalidation of {} not delivered: {}", object, e.getClass().getSimpleName());
    }
  }
}
