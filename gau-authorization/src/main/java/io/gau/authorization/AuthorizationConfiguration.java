package io.gau.authorization;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.http.InternalCallers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;

/** Configuration of gau-authorization: its PostgreSQL (through PgPool), its Redis, keys and token lifetimes. */
public class AuthorizationConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private RedisFactory redis = new RedisFactory();
  @Valid @NotNull private TokensFactory tokens = new TokensFactory();
  @Valid @NotNull private MaintenanceFactory maintenance = new MaintenanceFactory();

  /** Who may call the internal API, each with its own key(s): see {@link InternalCallers}. */
  @NotNull private InternalCallers internalCallers;

  @NotNull
  @Size(min = 32, message = "must be at least 32 characters (SIGNING_KEY_SECRET)")
  private String signingKeySecret;

  /** Largest request body accepted; bigger ones get 413 before any parsing. */
  @NotNull private DataSize maxRequestSize = DataSize.kibibytes(16);

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
  public TokensFactory getTokens() {
    return tokens;
  }

  @JsonProperty
  public void setTokens(TokensFactory tokens) {
    this.tokens = tokens;
  }

  @JsonProperty
  public MaintenanceFactory getMaintenance() {
    return maintenance;
  }

  @JsonProperty
  public void setMaintenance(MaintenanceFactory maintenance) {
    this.maintenance = maintenance;
  }

  @JsonProperty
  public InternalCallers getInternalCallers() {
    return internalCallers;
  }

  @JsonProperty
  public void setInternalCallers(InternalCallers internalCallers) {
    this.internalCallers = internalCallers;
  }

  @JsonProperty
  public String getSigningKeySecret() {
    return signingKeySecret;
  }

  @JsonProperty
  public void setSigningKeySecret(String signingKeySecret) {
    this.signingKeySecret = signingKeySecret;
  }

  @JsonProperty
  public DataSize getMaxRequestSize() {
    return maxRequestSize;
  }

  @JsonProperty
  public void setMaxRequestSize(DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  /** The {@code tokens:} block: claims, lifetimes and limits of access and refresh tokens. */
  public static class TokensFactory {
    @NotEmpty private String issuer = "gau-authorization";
    @NotEmpty private String audience = "gau";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration accessTokenLifetime = Duration.minutes(15);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration refreshTokenLifetime = Duration.days(30);

    /** How long a rotated refresh token still yields its successor instead of triggering reuse detection. */
    @NotNull private Duration refreshGrace = Duration.seconds(10);

    @NotNull private Duration clockSkew = Duration.seconds(30);
    @NotNull private DataSize maxTokenSize = DataSize.kibibytes(8);

    @JsonProperty
    public String getIssuer() {
      return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
      this.issuer = issuer;
    }

    @JsonProperty
    public String getAudience() {
      return audience;
    }

    @JsonProperty
    public void setAudience(String audience) {
      this.audience = audience;
    }

    @JsonProperty
    public Duration getAccessTokenLifetime() {
      return accessTokenLifetime;
    }

    @JsonProperty
    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
      this.accessTokenLifetime = accessTokenLifetime;
    }

    @JsonProperty
    public Duration getRefreshTokenLifetime() {
      return refreshTokenLifetime;
    }

    @JsonProperty
    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
      this.refreshTokenLifetime = refreshTokenLifetime;
    }

    @JsonProperty
    public Duration getRefreshGrace() {
      return refreshGrace;
    }

    @JsonProperty
    public void setRefreshGrace(Duration refreshGrace) {
      this.refreshGrace = refreshGrace;
    }

    @JsonProperty
    public Duration getClockSkew() {
      return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
      this.clockSkew = clockSkew;
    }

    @JsonProperty
    public DataSize getMaxTokenSize() {
      return maxTokenSize;
    }

    @JsonProperty
    public void setMaxTokenSize(DataSize maxTokenSize) {
      this.maxTokenSize = maxTokenSize;
    }
  }

  /** The {@code maintenance:} block: key reloads, revocation reconciliation and the purge of old sessions. */
  public static class MaintenanceFactory {
    /** How often replicas re-read the signing keys from PostgreSQL. */
    @NotNull private Duration keyReloadInterval = Duration.seconds(30);

    /** A rotated-in key signs only after this delay, so every replica already publishes it in its JWKS. */
    @NotNull private Duration keyActivationDelay = Duration.seconds(60);

    /** How often recently revoked sessions are re-written into the bitmap (heals a SETBIT lost to an outage). */
    @NotNull private Duration reconcileInterval = Duration.seconds(10);

    @NotNull private Duration reconcileWindow = Duration.minutes(10);
    @NotNull private Duration purgeInterval = Duration.hours(1);

    /** How long a validation waits for a bitmap rebuild in progress before answering 503. */
    @NotNull private Duration rebuildWait = Duration.seconds(3);

    private boolean enabled = true;

    @JsonProperty
    public Duration getKeyReloadInterval() {
      return keyReloadInterval;
    }

    @JsonProperty
    public void setKeyReloadInterval(Duration keyReloadInterval) {
      this.keyReloadInterval = keyReloadInterval;
    }

    @JsonProperty
    public Duration getKeyActivationDelay() {
      return keyActivationDelay;
    }

    @JsonProperty
    public void setKeyActivationDelay(Duration keyActivationDelay) {
      this.keyActivationDelay = keyActivationDelay;
    }

    @JsonProperty
    public Duration getReconcileInterval() {
      return reconcileInterval;
    }

    @JsonProperty
    public void setReconcileInterval(Duration reconcileInterval) {
      this.reconcileInterval = reconcileInterval;
    }

    @JsonProperty
    public Duration getReconcileWindow() {
      return reconcileWindow;
    }

    @JsonProperty
    public void setReconcileWindow(Duration reconcileWindow) {
      this.reconcileWindow = reconcileWindow;
    }

    @JsonProperty
    public Duration getPurgeInterval() {
      return purgeInterval;
    }

    @JsonProperty
    public void setPurgeInterval(Duration purgeInterval) {
      this.purgeInterval = purgeInterval;
    }

    @JsonProperty
    public Duration getRebuildWait() {
      return rebuildWait;
    }

    @JsonProperty
    public void setRebuildWait(Duration rebuildWait) {
      this.rebuildWait = rebuildWait;
    }

    @JsonProperty
    public boolean isEnabled() {
      return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
