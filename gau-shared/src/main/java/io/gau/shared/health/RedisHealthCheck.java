package io.gau.shared.health;

import com.codahale.metrics.health.HealthCheck;
import redis.clients.jedis.RedisClient;

/** Readiness of Redis: a PING through the service's own pool, bounded by the pool's timeouts. */
public class RedisHealthCheck extends HealthCheck {
  private final RedisClient redis;

  public RedisHealthCheck(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  protected Result check() {
    try {
      String pong = redis.ping();
      return "PONG".equalsIgnoreCase(pong) ? Result.healthy() : Result.unhealthy("Redis answered " + pong);
    } catch (RuntimeException e) {
      return Result.unhealthy("Redis unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
