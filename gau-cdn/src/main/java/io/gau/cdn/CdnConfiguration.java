package io.gau.cdn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.shared.config.ObjectStorageFactory;
import io.gau.shared.config.RedisFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration of gau-cdn: its Redis image cache and object storage. */
public class CdnConfiguration extends Configuration {
  @Valid @NotNull private RedisFactory redis = new RedisFactory();
  @Valid @NotNull private ObjectStorageFactory storage = new ObjectStorageFactory();

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
}
