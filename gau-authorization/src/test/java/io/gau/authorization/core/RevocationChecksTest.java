package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gau.shared.config.RedisFactory;
import io.gau.shared.errors.ApiException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The hand-over of checks between request threads and the checking threads, against a Redis that refuses
 * connections (the answers themselves are covered against a real Redis in AuthorizationIT and RedisOutageIT):
 * every check is answered exactly once, with 503 when its batch fails or the checks have stopped.
 */
class RevocationChecksTest {
  private final RedisClient unreachable = unreachableRedis();
  // the rebuild (and so the session table) is never reached: the marker check itself fails first
  private final RevocationBitmap bitmap =
      new RevocationBitmap(unreachable, null, InstantSource.system(), Duration.ofMillis(200));
  private final RevocationChecks checks = new RevocationChecks(bitmap);

  @AfterEach
  void close() {
    unreachable.close();
  }

  @Test
  void everyCheckOfAFailedBatchIsAnsweredOnceWith503() throws Exception {
    checks.start();
    List<Recorded> outcomes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Recorded outcome = new Recorded();
      outcomes.add(outcome);
      checks.check(i + 1, outcome);
    }
    for (Recorded outcome : outcomes) {
      assertThat(outcome.answered.await(10, TimeUnit.SECONDS)).isTrue();
    }
    checks.stop();
    assertThat(outcomes).allSatisfy(outcome -> {
      assertThat(outcome.calls.get()).isEqualTo(1);
      assertThat(outcome.status).isEqualTo(503);
    });
  }

  @Test
  void aCheckAfterStopIsAnswered503AtOnce() throws Exception {
    checks.start();
    checks.stop();
    Recorded outcome = new Recorded();
    checks.check(7, outcome);
    assertThat(outcome.answered.getCount()).isZero();
    assertThat(outcome.status).isEqualTo(503);
    assertThat(outcome.calls.get()).isEqualTo(1);
  }

  private static final class Recorded implements RevocationChecks.Outcome {
    final CountDownLatch answered = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    volatile int status;

    @Override
    public void checked(boolean revoked) {
      status = revoked ? 401 : 200;
      calls.incrementAndGet();
      answered.countDown();
    }

    @Override
    public void failed(ApiException error) {
      status = error.status();
      calls.incrementAndGet();
      answered.countDown();
    }
  }

  private static RedisClient unreachableRedis() {
    RedisFactory factory = new RedisFactory();
    factory.setHost("127.0.0.1");
    try (ServerSocket socket = new ServerSocket(0)) {
      factory.setPort(socket.getLocalPort()); // closed again: connections to it are refused
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    factory.setConnectTimeout(io.dropwizard.util.Duration.milliseconds(200));
    factory.setSocketTimeout(io.dropwizard.util.Duration.milliseconds(200));
    return factory.build();
  }
}
