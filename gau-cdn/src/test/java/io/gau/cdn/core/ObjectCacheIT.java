package io.gau.cdn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.gau.cdn.support.CountingS3Client;
import io.gau.cdn.support.MutableClock;
import io.gau.devstack.testing.GauInfra;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.core.sync.RequestBody;

/** The cache tiers against real s3proxy and Redis, with a hand-moved clock. */
class ObjectCacheIT {
  private static final GauInfra GAU = GauInfra.get();

  private final MutableClock clock = new MutableClock();
  private final MetricRegistry metrics = new MetricRegistry();
  private final CountingS3Client s3 = new CountingS3Client(GAU.s3(), 200);
  private final RedisClient redis = redis(GAU.newRedisDatabase());
  private final RedisTier redisTier = new RedisTier(redis, "gau:cdn:obj:", 60_000, 1 << 20, clock, metrics);
  private final ObjectCache cache =
      new ObjectCache(new Origin(s3, 1 << 20, clock), redisTier, clock, 64 << 20, Duration.ofMinutes(10), Duration.ofSeconds(10), 5, metrics);
  private final String key = GAU.uniqueName("cache-it") + "/a.txt";

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void fiftyConcurrentMissesCauseExactlyOneOriginGet() throws Exception {
    put(key, "one fetch only");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Lookup>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return cache.get("images", key);
        }));
      }
      start.countDown();
      for (Future<Lookup> result : results) {
        assertThat(new String(((Lookup.Cached) result.get()).object().body(), StandardCharsets.UTF_8)).isEqualTo("one fetch only");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(s3.gets()).isEqualTo(1);
    assertThat(metrics.meter("gau.cdn.misses").getCount()).isEqualTo(1);
  }

  @Test
  void secondReplicaFindsTheObjectInRedisWithoutAskingStorage() {
    put(key, "shared");
    cache.get("images", key);
    ObjectCache otherReplica =
        new ObjectCache(new Origin(s3, 1 << 20, clock), redisTier, clock, 64 << 20, Duration.ofMinutes(10), Duration.ofSeconds(10), 5, metrics);

    Lookup lookup = otherReplica.get("images", key);

    assertThat(((Lookup.Cached) lookup).tier()).isEqualTo(Lookup.Tier.REDIS);
    assertThat(s3.gets()).isEqualTo(1);
  }

  @Test
  void missingKeyIsRememberedSoTheFloodDoesNotReachStorage() {
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> cache.get("images", key)).isInstanceOf(ApiException.class).extracting("status").isEqualTo(404);
    }
    assertThat(s3.gets()).isEqualTo(1);
  }

  @Test
  void storageDownServesTheStaleCopyOrElse503() {
    put(key, "still here");
    cache.get("images", key);
    clock.advance(Duration.ofMinutes(11));
    GAU.stopS3();
    try {
      Lookup stale = cache.get("images", key);
      assertThat(((Lookup.Cached) stale).tier()).isEqualTo(Lookup.Tier.STALE);
      assertThatThrownBy(() -> cache.get("images", key + ".other"))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).contains(5);
          });
    } finally {
      GAU.startS3();
    }
  }

  @Test
  void objectsAboveTheCacheableSizeAreNotBuffered() {
    byte[] big = new byte[(1 << 20) + 1];
    GAU.s3().putObject(b -> b.bucket("images").key(key).contentType("application/octet-stream"), RequestBody.fromBytes(big));

    Lookup lookup = cache.get("images", key);

    assertThat(lookup).isInstanceOf(Lookup.Large.class);
    assertThat(lookup.meta().size()).isEqualTo(big.length);
  }

  private static void put(String key, String body) {
    GAU.s3().putObject(b -> b.bucket("images").key(key).contentType("text/plain"), RequestBody.fromString(body));
  }

  private static RedisClient redis(int database) {
    RedisFactory factory = new RedisFactory();
    factory.setHost(GAU.infra().redisHost());
    factory.setPort(GAU.infra().redisPort());
    factory.setDatabase(database);
    return factory.build();
  }
}
