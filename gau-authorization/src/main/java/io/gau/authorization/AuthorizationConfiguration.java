package io.gau.authorization;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.http.PrivateKeyFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Configuration of gau-authorization: its PostgreSQL (through PgPool), its Redis and the shared key. */
public class AuthorizationConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private RedisFactory redis = new RedisFactory();

  @NotNull
  @Size(min = PrivateKeyFilter.MIN_SECRET_BYTES, message = "must be at least 32 characters (PRIVATE_KEY)")
  private String privateKey;

  @JsonProperty("database")
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty("database")
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty
  public RedisFactory getRedis() {
    return redis;
  }

  @JsonProperty
  public void setRedis(RedisFactory redis) {
    this.redis = redis;
  }

  @JsonProperty
  public String getPrivateKey() {
    return privateKey;
  }

  @JsonProperty
  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }
}
