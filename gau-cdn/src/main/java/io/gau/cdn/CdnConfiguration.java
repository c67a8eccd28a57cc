package io.gau.cdn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.cdn.config.CacheSettings;
import io.gau.cdn.config.DeliverySettings;
import io.gau.shared.config.ObjectStorageFactory;
import io.gau.shared.config.RedisFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration of gau-cdn: its Redis image cache, object storage, cache tiers and delivery headers. */
public class CdnConfiguration extends Configuration {
  @Valid @NotNull private RedisFactory redis = new RedisFactory();
  @Valid @NotNull private ObjectStorageFactory storage = new ObjectStorageFactory();
  @Valid @NotNull private CacheSettings cache = new CacheSettings();
  @Valid @NotNull private DeliverySettings delivery = new DeliverySettings();

  @JsonProperty
  public RedisFactory getRedis() {
    return redis;
  }

  @JsonProperty
  public void setRedis(RedisFactory redis) {
    this.redis = redis;
  }

  @JsonProperty
  public ObjectStorageFactory getStorage() {
    return storage;
  }

  @JsonProperty
  public void setStorage(ObjectStorageFactory storage) {
    this.storage = storage;
  }

  @JsonProperty
  public CacheSettings getCache() {
    return cache;
  }

  @JsonProperty
  public void setCache(CacheSettings cache) {
    this.cache = cache;
  }

  @JsonProperty
  public DeliverySettings getDelivery() {
    return delivery;
  }

  @JsonProperty
  public void setDelivery(DeliverySettings delivery) {
    this.delivery = delivery;
  }
}
