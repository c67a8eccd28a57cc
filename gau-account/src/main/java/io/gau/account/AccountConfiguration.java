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
import io.gau.shared.http.InternalCallers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Configuration of gau-account: its PostgreSQL, Redis (rate limits), the AMQP broker (mail outbox), the keys and the internal services it calls. */
public class AccountConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private RedisFactory redis = new RedisFactory();
  @Valid @NotNull private AmqpFactory amqp = new AmqpFactory();

  /** The key account sends to gau-authorization (a different one from the upload key, see InternalCallers). */
  @NotNull
  @Size(min = InternalCallers.MIN_KEY_BYTES, message = "must be at least 32 characters (AUTHORIZATION_CALLER_KEY)")
  private String authorizationCallerKey;
  /** The key account sends to gau-upload: an upload pod that leaks it cannot mint tokens. */
  @NotNull
  @Size(min = InternalCallers.MIN_KEY_BYTES, message = "must be at least 32 characters (UPLOAD_CALLER_KEY)")
  private String uploadCallerKey;
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

  /** Largest request body (the avatar route excepted: avatarMaxSize plus the multipart framing): 413 beyond. */
  @NotNull @JsonProperty public DataSize maxRequestSize = DataSize.kibibytes(64);

  /** Longest JSON string and deepest JSON nesting a request may carry: 400 beyond, while parsing. */
  @NotNull @JsonProperty public DataSize maxJsonString = DataSize.kibibytes(8);

  @Min(2) @JsonProperty public int maxJsonNesting = 8;

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
  public String getAuthorizationCallerKey() {
    return authorizationCallerKey;
  }

  @JsonProperty
  public void setAuthorizationCallerKey(String authorizationCallerKey) {
    this.authorizationCallerKey = authorizationCallerKey;
  }

  @JsonProperty
  public String getUploadCallerKey() {
    return uploadCallerKey;
  }

  @JsonProperty
  public void setUploadCallerKey(String uploadCallerKey) {
    this.uploadCallerKey = uploadCallerKey;
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
