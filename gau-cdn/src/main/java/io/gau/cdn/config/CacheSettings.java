package io.gau.cdn.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The {@code cache:} block: sizes and lifetimes of the in-process (L1) and Redis tiers. */
public class CacheSettings {
  /** Total bytes the in-process cache may hold (bodies are weighed, not counted). */
  @NotNull private DataSize l1MaxSize = DataSize.mebibytes(256);
  /** After this an L1 copy is re-fetched from storage on its next request; an invalidation evicts it at once. */
  @NotNull private Duration l1Ttl = Duration.minutes(10);
  @NotNull private Duration redisTtl = Duration.hours(24);
  /** Larger objects are neither cached nor buffered: they stream from storage to the client. */
  @NotNull private DataSize maxCacheableSize = DataSize.mebibytes(8);
  /** How long a 404 is remembered, so a flood of bad keys does not reach storage. */
  @NotNull private Duration negativeTtl = Duration.seconds(10);
  /** Must match gau-upload's {@code cdn.cacheKeyPrefix}. */
  @NotEmpty private String redisKeyPrefix = "gau:cdn:obj:";
  /** Must match gau-upload's {@code cdn.invalidationChannel}. */
  @NotEmpty private String invalidationChannel = "gau:cdn:invalidate";

  @JsonProperty
  public DataSize getL1MaxSize() {
    return l1MaxSize;
  }

  @JsonProperty
  public void setL1MaxSize(DataSize l1MaxSize) {
    this.l1MaxSize = l1MaxSize;
  }

  @JsonProperty
  public Duration getL1Ttl() {
    return l1Ttl;
  }

  @JsonProperty
  public void setL1Ttl(Duration l1Ttl) {
    this.l1Ttl = l1Ttl;
  }

  @JsonProperty
  public Duration getRedisTtl() {
    return redisTtl;
  }

  @JsonProperty
  public void setRedisTtl(Duration redisTtl) {
    this.redisTtl = redisTtl;
  }

  @JsonProperty
  public DataSize getMaxCacheableSize() {
    return maxCacheableSize;
  }

  @JsonProperty
  public void setMaxCacheableSize(DataSize maxCacheableSize) {
    this.maxCacheableSize = maxCacheableSize;
  }

  @JsonProperty
  public Duration getNegativeTtl() {
    return negativeTtl;
  }

  @JsonProperty
  public void setNegativeTtl(Duration negativeTtl) {
    this.negativeTtl = negativeTtl;
  }

  @JsonProperty
  public String getRedisKeyPrefix() {
    return redisKeyPrefix;
  }

  @JsonProperty
  public void setRedisKeyPrefix(String redisKeyPrefix) {
    this.redisKeyPrefix = redisKeyPrefix;
  }

  @JsonProperty
  public String getInvalidationChannel() {
    return invalidationChannel;
  }

  @JsonProperty
  public void setInvalidationChannel(String invalidationChannel) {
    this.invalidationChannel = invalidationChannel;
  }
}
