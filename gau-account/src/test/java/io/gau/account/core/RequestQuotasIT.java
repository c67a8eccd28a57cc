package io.gau.account.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * Sign-up and reset-mail quotas against a real Redis, as an attacker spends them: one address walking
 * many targets, many addresses aiming at one target, and a burst fired in parallel at a nearly used quota.
 */
class RequestQuotasIT {
  private static RedisClient redis;
  private static RateLimiter limiter;

  @BeforeAll
  static void connect() {
    GauInfra gau = GauInfra.get();
    Infra infra = gau.infra();
    redis = RedisClient.builder()
        .hostAndPort(new HostAndPort(infra.redisHost(), infra.redisPort()))
        .clientConfig(DefaultJedisClientConfig.builder().database(gau.newRedisDatabase()).build())
        .build();
    limiter = new RateLimiter(redis, InstantSource.system(), Duration.ofMinutes(15), Duration.ofMinutes(5));
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  @Test
  void oneAddressWalkingManyTargetsIsStoppedAtItsQuota() {
    RequestQuotas quotas = new RequestQuotas("t1", 3, 100, Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(quotas.spend(limiter, "203.0.113.9", "victim" + i + "@example.com").allowed()).isTrue();
    }
    RequestQuotas.Spent fourth = quotas.spend(limiter, "203.0.113.9", "victim3@example.com");
    assertThat(fourth.addressWait()).isBetween(3500, 3600);
    assertThat(fourth.targetWait()).isZero();
    assertThat(quotas.spend(limiter, "203.0.113.10", "victim3@example.com").allowed())
        .as("another address is not held").isTrue();
  }

  @Test
  void manyAddressesAimingAtOneTargetAreStoppedAtItsQuota() {
    RequestQuotas quotas = new RequestQuotas("t2", 100, 2, Duration.ofMinutes(10));
    assertThat(quotas.spend(limiter, "198.51.100.1", "target@example.com").allowed()).isTrue();
    assertThat(quotas.spend(limiter, "198.51.100.2", "target@example.com").allowed()).isTrue();
    RequestQuotas.Spent third = quotas.spend(limiter, "198.51.100.3", "target@example.com");
    assertThat(third.targetWait()).isBetween(500, 600);
    assertThat(third.addressWait()).isZero();
    assertThat(quotas.spend(limiter, "198.51.100.3", "other@example.com").allowed()).isTrue();
  }

  @Test
  void aParallelBurstGetsExactlyTheQuotaThrough() throws Exception {
    RequestQuotas quotas = new RequestQuotas("t3", 10, 1000, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String target = "burst" + i + "@example.com";
        Callable<Boolean> call = () -> quotas.spend(limiter, "192.0.2.77", target).allowed();
        results.add(pool.submit(call));
      }
      int allowed = 0;
      for (Future<Boolean> result : results) {
        allowed += result.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(10);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aQuotaResetsWhenItsWindowEnds() throws Exception {
    RequestQuotas quotas = new RequestQuotas("t4", 1, 1000, Duration.ofMillis(300));
    assertThat(quotas.spend(limiter, "192.0.2.80", "a@example.com").allowed()).isTrue();
    assertThat(quotas.spend(limiter, "192.0.2.80", "b@example.com").allowed()).isFalse();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    boolean allowedAgain = false;
    while (!allowedAgain && System.nanoTime() < deadline) {
      Thread.sleep(25);
      allowedAgain = quotas.spend(limiter, "192.0.2.80", "c@example.com").allowed();
    }
    assertThat(allowedAgain).isTrue();
  }
}
