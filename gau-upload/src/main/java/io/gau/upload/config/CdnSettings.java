package io.gau.upload.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** The {@code cdn:} block: the public base URL of gau-cdn and the Redis names it uses for its cache. */
public class CdnSettings {
  @NotEmpty private String baseUrl = "http://127.0.0.1:8082";
  /** Must match gau-cdn's {@code cache.redisKeyPrefix}. */
  @NotEmpty private String cacheKeyPrefix = "gau:cdn:obj:";
  /** Must match gau-cdn's {@code cache.invalidationChannel}. */
  @NotEmpty private String invalidationChannel = "gau:cdn:invalidate";

  @JsonProperty
  public String getBaseUrl() {
    return baseUrl;
  }

  @JsonProperty
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @JsonProperty
  public String getCacheKeyPrefix() {
    return cacheKeyPrefix;
  }

  @JsonProperty
  public void setCacheKeyPrefix(String cacheKeyPrefix) {
    this.cacheKeyPrefix = cacheKeyPrefix;
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
