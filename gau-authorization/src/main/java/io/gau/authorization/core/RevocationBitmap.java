package io.gau.authorization.core;

import io.gau.authorization.db.SessionDao;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The token bitmap: one bit per session id in Redis keys sharded by id range ({@code gau:revoked:<id >> 20>},
 * offset {@code id & 0xFFFFF}). PostgreSQL is the source of truth; a marker key proves that the bitmap has
 * been built from it since Redis last lost its data. Every check reads the marker and the bit in one
 * atomic script, so a flushed Redis is noticed on the very next validation, which waits for the
 * (single-flight) rebuild or answers 503 — never "valid" from an empty bitmap.
 */
public class RevocationBitmap {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationBitmap.class);
  public static final String KEY_PREFIX = "gau:revoked:";
  public static final String MARKER = KEY_PREFIX + "ready";
  private static final int SHARD_BITS = 20;
  private static final long OFFSET_MASK = (1L << SHARD_BITS) - 1;
  private static final int PAGE = 5_000;
  /** -1: marker missing (bitmap not built); otherwise the bit. */
  private static final String CHECK_SCRIPT =
      "if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end return redis.call('GETBIT', KEYS[2], ARGV[1])";

  private final RedisClient redis;
  private final SessionDao sessions;
  private final InstantSource clock;
  private final Duration rebuildWait;
  private final AtomicReference<CompletableFuture<Void>> rebuilding = new AtomicReference<>();
  private volatile String checkSha;

  public RevocationBitmap(RedisClient redis, SessionDao sessions, InstantSource clock, Duration rebuildWait) {
    this.redis = redis;
    this.sessions = sessions;
    this.clock = clock;
    this.rebuildWait = rebuildWait;
  }

  public static String key(long sessionId) {
    return KEY_PREFIX + (sessionId >>> SHARD_BITS);
  }

  public static long offset(long sessionId) {
    return sessionId & OFFSET_MASK;
  }

  /**
   * The check of many sessions in one pipelined round trip, without waiting for a rebuild: per session -1
   * where the bitmap is not built (the caller waits for {@link #rebuilt} and checks again), otherwise the bit.
   * 503 while Redis is unreachable.
   */
  public long[] checkAll(long[] sessionIds) {
    try {
      return pipelinedChecks(sessionIds, scriptSha());
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
        throw unavailable(e);
      }
      checkSha = null; // Redis restarted and forgot the script: load it again
      try {
        return pipelinedChecks(sessionIds, scriptSha());
      } catch (JedisException again) {
        throw unavailable(again);
      }
    } catch (JedisException e) {
      throw unavailable(e);
    }
  }

  private long[] pipelinedChecks(long[] sessionIds, String sha) {
    List<Response<Object>> responses = new ArrayList<>(sessionIds.length);
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (long id : sessionIds) {
        responses.add(pipeline.evalsha(sha, List.of(MARKER, key(id)), List.of(Long.toString(offset(id)))));
      }
      pipeline.sync();
    }
    long[] bits = new long[sessionIds.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (Long) responses.get(i).get(); // an error reply throws here
    }
    return bits;
  }

  /** Sets the bits of sessions already marked revoked in PostgreSQL. */
  public void revoke(Collection<Long> sessionIds) {
    if (sessionIds.isEmpty()) {
      return;
    }
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (long id : sessionIds) {
        pipeline.setbit(key(id), offset(id), true);
      }
      pipeline.sync();
    } catch (JedisException e) {
      // PostgreSQL already holds the revocation; the reconcile job re-applies it once Redis is back
      throw unavailable(e);
    }
  }

  /** Whether the marker is present (the bitmap has been built since Redis last lost its data). */
  public boolean ready() {
    return redis.exists(MARKER);
  }

  /** Completes when a rebuild (started unless one is running) has finished; fails after the rebuild wait. */
  public CompletableFuture<Void> rebuilt() {
    return startRebuild().copy().orTimeout(rebuildWait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Rebuilds the bitmap from PostgreSQL unless a rebuild is already running, and waits for it. */
  public void rebuild() {
    try {
      startRebuild().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the revocation rebuild", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("revocation rebuild failed", e.getCause());
    }
  }

  /** Re-applies recent revocations, healing bits lost while Redis was unreachable at revocation time. */
  public int reconcile(Duration window) {
    List<Long> recent = sessions.sessionsRevokedSince(clock.instant().minus(window));
    revoke(recent);
    return recent.size();
  }

  private String scriptSha() {
    String sha = checkSha;
    if (sha == null) {
      sha = redis.scriptLoad(CHECK_SCRIPT);
      checkSha = sha;
    }
    return sha;
  }

  private CompletableFuture<Void> startRebuild() {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = rebuilding.compareAndExchange(null, mine);
    if (running != null) {
      return running;
    }
    Thread worker =
        new Thread(
            () -> {
              try {
                doRebuild();
                mine.complete(null);
              } catch (RuntimeException e) {
                LOG.warn("revocation bitmap rebuild failed: {}", e.toString());
                mine.completeExceptionally(e);
              } finally {
                rebuilding.set(null);
              }
            },
            "revocation-rebuild");
    worker.setDaemon(true);
    worker.start();
    return mine;
  }

  private void doRebuild() {
    long started = System.nanoTime();
    long after = 0;
    int total = 0;
    List<Long> page;
    do {
      page = sessions.revokedSessionIds(after, PAGE);
      revoke(page);
      total += page.size();
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1);
      }
    } while (page.size() == PAGE);
    // the marker goes last: until it is there, validations wait or answer 503
    redis.set(MARKER, UUID.randomUUID().toString());
    LOG.info("revocation bitmap rebuilt from PostgreSQL: {} revoked sessions in {} ms",
        total, (System.nanoTime() - started) / 1_000_000);
  }

  static ApiException unavailable(Throwable cause) {
    return ApiException.unavailable(
        "revocation_unavailable", "Revocation store is unavailable, retry shortly", 1, cause);
  }
}
