package io.gau.email.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code idempotency:} block: how long a sent message id is remembered in Redis, and how long a
 * claim "being sent" blocks other consumers (longer than one SMTP session, short enough that a crash
 * mid-send only delays the redelivery).
 */
public class IdempotencySettings {
  @NotNull private Duration window = Duration.hours(24);
  @NotNull private Duration inProgressTimeout = Duration.seconds(90);
  @NotEmpty private String keyPrefix = "gau:email:sent:";

  @JsonProperty
  public Duration getWindow() {
    return window;
  }

  @JsonProperty
  public void setWindow(Duration window) {
    this.window = window;
  }

  @JsonProperty
  public Duration getInProgressTimeout() {
    return inProgressTimeout;
  }

  @JsonProperty
  public void setInProgressTimeout(Duration inProgressTimeout) {
    this.inProgressTimeout = inProgressTimeout;
  }

  @JsonProperty
  public String getKeyPrefix() {
    return keyPrefix;
  }

  @JsonProperty
  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }
}
