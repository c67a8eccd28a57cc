package io.gau.shared.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;
import io.dropwizard.util.Duration;
import io.gau.shared.health.RedisHealthCheck;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** The {@code redis:} block of a service's YAML: where Redis is and how patient to be with it. */
public class RedisFactory {
  @NotEmpty private String host = "127.0.0.1";

  @Min(1)
  @Max(65535)
  private int port = 6379;

  private String password;

  @Min(0)
  @Max(15)
  private int database = 0;

  @NotNull private Duration connectTimeout = Duration.milliseconds(500);
  @NotNull private Duration socketTimeout = Duration.seconds(1);
  /** How long a caller waits for a pooled connection before failing instead of hanging. */
  @NotNull private Duration poolWait = Duration.milliseconds(500);

  @Min(1)
  private int maxConnections = 32;

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public String getPassword() {
    return password;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password;
  }

  @JsonProperty
  public int getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(int database) {
    this.database = database;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @JsonProperty
  public Duration getSocketTimeout() {
    return socketTimeout;
  }

  @JsonProperty
  public void setSocketTimeout(Duration socketTimeout) {
    this.socketTimeout = socketTimeout;
  }

  @JsonProperty
  public Duration getPoolWait() {
    return poolWait;
  }

  @JsonProperty
  public void setPoolWait(Duration poolWait) {
    this.poolWait = poolWait;
  }

  @JsonProperty
  public int getMaxConnections() {
    return maxConnections;
  }

  @JsonProperty
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** Builds a pooled client without connecting, closes it on shutdown and registers a "redis" health check. */
  public RedisClient build(Environment environment) {
    RedisClient client = build();
    environment.lifecycle().manage(new AutoCloseableManager(client));
    environment.healthChecks().register("redis", new RedisHealthCheck(client));
    return client;
  }

  /** A pooled client with no lifecycle attached (tools, tests). */
  public RedisClient build() {
    DefaultJedisClientConfig.Builder clientConfig =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) connectTimeout.toMilliseconds())
            .socketTimeoutMillis((int) socketTimeout.toMilliseconds())
            .database(database);
    if (password != null && !password.isEmpty()) {
      clientConfig.password(password);
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    pool.setMaxWait(java.time.Duration.ofMillis(poolWait.toMilliseconds()));
    pool.setTestWhileIdle(true);
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(host, port))
        .clientConfig(clientConfig.build())
        .poolConfig(pool)
        .build();
  }
}
