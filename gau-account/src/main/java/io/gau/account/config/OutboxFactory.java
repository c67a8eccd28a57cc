package io.gau.account.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The {@code outbox:} block: the relay that publishes queued mail to the broker. */
public class OutboxFactory {
  @JsonProperty public boolean enabled = true;
  @JsonProperty @NotEmpty public String exchange = "email_exchange";
  @JsonProperty @NotNull public Duration pollInterval = Duration.milliseconds(500);
  @JsonProperty @Min(1) public int batchSize = 50;
  /** Longest wait between two attempts at one row while the broker is down. */
  @JsonProperty @NotNull public Duration maxBackoff = Duration.minutes(5);
}
