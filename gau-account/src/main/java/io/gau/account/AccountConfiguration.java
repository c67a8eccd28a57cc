package io.gau.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.client.JerseyClientConfiguration;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.DataSize;
import io.gau.account.config.CookieFactory;
import io.gau.account.config.GoogleFactory;
import io.gau.account.config.OutboxFactory;
import io.gau.account.config.SecurityFactory;
import io.gau.shared.config.AmqpFactory;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.http.PrivateKeyFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Configuration of gau-account: its PostgreSQL, Redis (rate limits), the AMQP broker (mail outbox), the shared key and the internal services it calls. */
public class AccountConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private RedisFactory redis = new RedisFactory();
  @Valid @NotNull private AmqpFactory amqp = new AmqpFactory();

  @NotNull
  @Size(min = PrivateKeyFilter.MIN_SECRET_BYTES, message = "must be at least 32 characters (PRIVATE_KEY)")
  private String privateKey;
  @NotEmpty private String authorizationUrl;
  @NotEmpty private String uploadUrl;
  @NotEmpty private String cdnUrl;
  @Valid @NotNull private JerseyClientConfiguration httpClient = new JerseyClientConfiguration();

  /** Base URL of the public API as a browser reaches it; mail links start with it. */
  @NotEmpty @JsonProperty public String publicBaseUrl = "http://127.0.0.1:8080";

  @Valid @NotNull @JsonProperty public CookieFactory cookies = new CookieFactory();
  @Valid @NotNull @JsonProperty public SecurityFactory security = new SecurityFactory();
  @Valid @NotNull @JsonProperty public GoogleFactory google = new GoogleFactory();
  @Valid @NotNull @JsonProperty public OutboxFactory outbox = new OutboxFactory();

  /** Largest avatar accepted before it is forwarded to gau-upload. */
  @NotNull @JsonProperty public DataSize avatarMaxSize = DataSize.mebibytes(5);

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
  public AmqpFactory getAmqp() {
    return amqp;
  }

  @JsonProperty
  public void setAmqp(AmqpFactory amqp) {
    this.amqp = amqp;
  }

  @JsonProperty
  public String getPrivateKey() {
    return privateKey;
  }

  @JsonProperty
  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }

  @JsonProperty
  public String getAuthorizationUrl() {
    return authorizationUrl;
  }

  @JsonProperty
  public void setAuthorizationUrl(String authorizationUrl) {
    this.authorizationUrl = authorizationUrl;
  }

  @JsonProperty
  public String getUploadUrl() {
    return uploadUrl;
  }

  @JsonProperty
  public void setUploadUrl(String uploadUrl) {
    this.uploadUrl = uploadUrl;
  }

  @JsonProperty
  public String getCdnUrl() {
    return cdnUrl;
  }

  @JsonProperty
  public void setCdnUrl(String cdnUrl) {
    this.cdnUrl = cdnUrl;
  }

  @JsonProperty
  public JerseyClientConfiguration getHttpClient() {
    return httpClient;
  }

  @JsonProperty
  public void setHttpClient(JerseyClientConfiguration httpClient) {
    this.httpClient = httpClient;
  }
}
