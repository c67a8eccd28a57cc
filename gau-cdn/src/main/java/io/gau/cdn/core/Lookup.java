package io.gau.cdn.core;

/** The answer of {@link ObjectCache#get}: a cached body and the tier that had it, or an object to stream. */
public sealed interface Lookup {
  ObjectMeta meta();

  /** Where a cached body came from (also reported as {@code X-Cache}). */
  enum Tier {
    L1,
    REDIS,
    ORIGIN,
    STALE
  }

  /** The whole body, in memory. */
  record Cached(CachedObject object, Tier tier) implements Lookup {
    @Override
    public ObjectMeta meta() {
      return object.meta();
    }
  }

  /** Above the cacheable size: the caller streams it from storage. */
  record Large(ObjectMeta meta) implements Lookup {}
}
