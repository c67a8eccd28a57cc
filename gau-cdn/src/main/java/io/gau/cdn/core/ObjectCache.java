package io.gau.cdn.core;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gau.shared.errors.ApiException;
import io.gau.shared.storage.ObjectKeys;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The three tiers: a byte-bounded in-process cache (L1), Redis, then object storage. Concurrent misses for
 * one key share a single load (single-flight), 404s are remembered briefly, and when storage is down a
 * stale L1 copy is served instead of an error.
 */
public class ObjectCache {
  /** Per-entry bookkeeping counted on top of the body when weighing L1 entries. */
  private static final int ENTRY_OVERHEAD = 256;

  private final Origin origin;
  private final RedisTier redis;
  private final InstantSource clock;
  private final long l1TtlMillis;
  private final int retryAfterSeconds;
  private final Cache<String, CachedObject> l1;
  private final Cache<String, Boolean> notFound;
  private final Cache<String, ObjectMeta> large;
  private final ConcurrentMap<String, CompletableFuture<Lookup>> inflight = new ConcurrentHashMap<>();
  private final Meter l1Hits;
  private final Meter redisHits;
  private final Meter misses;
  private final Meter staleServed;
  private final Meter notFoundHits;
  private final Timer originLatency;

  public ObjectCache(
      Origin origin,
      RedisTier redis,
      InstantSource clock,
      long l1MaxBytes,
      Duration l1Ttl,
      Duration negativeTtl,
      int retryAfterSeconds,
      MetricRegistry metrics) {
    this.origin = origin;
    this.redis = redis;
    this.clock = clock;
    this.l1TtlMillis = l1Ttl.toMillis();
    this.retryAfterSeconds = retryAfterSeconds;
    this.l1 =
        Caffeine.newBuilder()
            .maximumWeight(l1MaxBytes)
            .weigher((String id, CachedObject o) -> o.size() + ENTRY_OVERHEAD)
            .build();
    this.notFound = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(negativeTtl).build();
    this.large = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(l1Ttl).build();
    this.l1Hits = metrics.meter("gau.cdn.hits.l1");
    this.redisHits = metrics.meter("gau.cdn.hits.redis");
    this.misses = metrics.meter("gau.cdn.misses");
    this.staleServed = metrics.meter("gau.cdn.stale");
    this.notFoundHits = metrics.meter("gau.cdn.hits.negative");
    this.originLatency = metrics.timer("gau.cdn.origin.latency");
    metrics.gauge("gau.cdn.l1.bytes", () -> () -> l1.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L));
  }

  /**
   * The object {@code bucket/key}: cached bytes or a large object's metadata; throws a 404 or (storage down
   * and nothing cached) a 503 {@link ApiException}.
   */
  public Lookup get(String bucket, String key) {
    String id = ObjectKeys.cacheId(bucket, key);
    if (notFound.getIfPresent(id) != null) {
      notFoundHits.mark();
      throw notFoundError();
    }
    CachedObject cached = l1.getIfPresent(id);
    if (cached != null && fresh(cached)) {
      l1Hits.mark();
      return new Lookup.Cached(cached, Lookup.Tier.L1);
    }
    ObjectMeta largeMeta = large.getIfPresent(id);
    if (largeMeta != null) {
      return new Lookup.Large(largeMeta);
    }
    return loadOnce(id, bucket, key, cached);
  }

  /** Drops every local trace of an object (after an upload overwrote or deleted it). */
  public void invalidate(String id) {
    l1.invalidate(id);
    notFound.invalidate(id);
    large.invalidate(id);
  }

  /** Forgets remembered 404s (after a gap in the invalidation feed, during which uploads may have been missed). */
  public void forgetNotFound() {
    notFound.invalidateAll();
  }

  private Lookup loadOnce(String id, String bucket, String key, CachedObject stale) {
    CompletableFuture<Lookup> mine = new CompletableFuture<>();
    CompletableFuture<Lookup> running = inflight.putIfAbsent(id, mine);
    if (running != null) {
      return join(running);
    }
    try {
      Lookup result = load(id, bucket, key, stale);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inflight.remove(id, mine);
    }
  }

  private Lookup load(String id, String bucket, String key, CachedObject stale) {
    // a load that finished just before this one started has already filled L1
    CachedObject current = l1.getIfPresent(id);
    if (current != null && fresh(current)) {
      l1Hits.mark();
      return new Lookup.Cached(current, Lookup.Tier.L1);
    }
    if (stale == null) {
      var shared = redis.get(id);
      if (shared.isPresent()) {
        redisHits.mark();
        l1.put(id, shared.get());
        return new Lookup.Cached(shared.get(), Lookup.Tier.REDIS);
      }
    }
    misses.mark();
    Lookup fetched;
    try (Timer.Context ignored = originLatency.time()) {
      fetched = origin.fetch(bucket, key);
    } catch (Origin.NotFound e) {
      l1.invalidate(id);
      notFound.put(id, Boolean.TRUE);
      throw notFoundError();
    } catch (Origin.Unavailable e) {
      if (stale != null) {
        staleServed.mark();
        // keep serving the stale copy for a while without asking storage on every request
        CachedObject retryLater = stale.withLoadedAt(clock.millis() - l1TtlMillis + retryAfterSeconds * 1000L);
        l1.put(id, retryLater);
        return new Lookup.Cached(stale, Lookup.Tier.STALE);
      }
      throw Origin.unavailable(retryAfterSeconds, e);
    }
    if (fetched instanceof Lookup.Cached cachedResult) {
      l1.put(id, cachedResult.object());
      redis.put(id, cachedResult.object());
    } else {
      large.put(id, fetched.meta());
    }
    return fetched;
  }

  private boolean fresh(CachedObject object) {
    return clock.millis() - object.loadedAtMillis() < l1TtlMillis;
  }

  private static Lookup join(CompletableFuture<Lookup> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static ApiException notFoundError() {
    return ApiException.notFound("file_not_found", "file not found");
  }
}
