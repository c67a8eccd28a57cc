package io.gau.email.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The {@code messaging:} block: broker names (the reference's by default), consumer concurrency and the
 * delays of the retry tiers. Retry tier queues are named {@code <queue>_retry_<n>}.
 */
public class MessagingSettings {
  @NotEmpty private String exchange = "email_exchange";
  @NotEmpty private String queue = "email_queue";
  @NotEmpty private String bindingKey = "email.*";
  @NotEmpty private String deadLetterExchange = "email_dlx";
  @NotEmpty private String deadLetterQueue = "email_dlq";

  @Min(1)
  @Max(64)
  private int concurrency = 2;

  /** One tier per delay: a transient failure is retried at most this many times, then dead-lettered. */
  @NotNull
  @Size(min = 1, max = 10)
  private List<@NotNull Duration> retryDelays = List.of(Duration.seconds(10), Duration.seconds(60), Duration.minutes(5));

  @NotNull private Duration confirmTimeout = Duration.seconds(10);
  /** How long a stop waits for the mails in flight before closing the channels. */
  @NotNull private Duration shutdownTimeout = Duration.seconds(30);
  @NotNull private DataSize maxMessageSize = DataSize.kibibytes(256);

  @JsonProperty
  public String getExchange() {
    return exchange;
  }

  @JsonProperty
  public void setExchange(String exchange) {
    this.exchange = exchange;
  }

  @JsonProperty
  public String getQueue() {
    return queue;
  }

  @JsonProperty
  public void setQueue(String queue) {
    this.queue = queue;
  }

  @JsonProperty
  public String getBindingKey() {
    return bindingKey;
  }

  @JsonProperty
  public void setBindingKey(String bindingKey) {
    this.bindingKey = bindingKey;
  }

  @JsonProperty
  public String getDeadLetterExchange() {
    return deadLetterExchange;
  }

  @JsonProperty
  public void setDeadLetterExchange(String deadLetterExchange) {
    this.deadLetterExchange = deadLetterExchange;
  }

  @JsonProperty
  public String getDeadLetterQueue() {
    return deadLetterQueue;
  }

  @JsonProperty
  public void setDeadLetterQueue(String deadLetterQueue) {
    this.deadLetterQueue = deadLetterQueue;
  }

  @JsonProperty
  public int getConcurrency() {
    return concurrency;
  }

  @JsonProperty
  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  @JsonProperty
  public List<Duration> getRetryDelays() {
    return retryDelays;
  }

  @JsonProperty
  public void setRetryDelays(List<Duration> retryDelays) {
    this.retryDelays = retryDelays;
  }

  @JsonProperty
  public Duration getConfirmTimeout() {
    return confirmTimeout;
  }

  @JsonProperty
  public void setConfirmTimeout(Duration confirmTimeout) {
    this.confirmTimeout = confirmTimeout;
  }

  @JsonProperty
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  @JsonProperty
  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  @JsonProperty
  public DataSize getMaxMessageSize() {
    return maxMessageSize;
  }

  @JsonProperty
  public void setMaxMessageSize(DataSize maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }
}
