package io.gau.cdn.health;

import com.codahale.metrics.health.HealthCheck;
import redis.clients.jedis.RedisClient;

/**
 * Reports the Redis tier without failing readiness: the CDN keeps serving from L1 and storage while Redis
 * is down, so pulling every replica out of the load balancer would turn a slower CDN into no CDN.
 */
public class RedisCacheHealthCheck extends HealthCheck {
  private final RedisClient redis;

  public RedisCacheHealthCheck(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  protected Result check() {
    try {
      redis.ping();
      return Result.healthy("Redis tier reachable");
    } catch (RuntimeException e) {
      return Result.healthy("DEGRADED: Redis tier unreachable (" + e.getClass().getSimpleName() + "), serving from L1 and storage");
    }
  }
}
