package io.gau.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.shared.config.AmqpFactory;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.config.SmtpFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration of gau-email: the AMQP broker it consumes, the SMTP relay it sends through, and Redis for idempotency. */
public class EmailConfiguration extends Configuration {
  @Valid @NotNull private AmqpFactory amqp = new AmqpFactory();
  @Valid @NotNull private SmtpFactory smtp = new SmtpFactory();
  @Valid @NotNull private RedisFactory redis = new RedisFactory();

  @JsonProperty
  public AmqpFactory getAmqp() {
    return amqp;
  }

  @JsonProperty
  public void setAmqp(AmqpFactory amqp) {
    this.amqp = amqp;
  }

  @JsonProperty
  public SmtpFactory getSmtp() {
    return smtp;
  }

  @JsonProperty
  public void setSmtp(SmtpFactory smtp) {
    this.smtp = smtp;
  }

  @JsonProperty
  public RedisFactory getRedis() {
    return redis;
  }

  @JsonProperty
  public void setRedis(RedisFactory redis) {
    this.redis = redis;
  }
}
