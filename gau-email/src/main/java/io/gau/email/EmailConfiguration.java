package io.gau.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.email.config.IdempotencySettings;
import io.gau.email.config.MessagingSettings;
import io.gau.email.config.TemplateSettings;
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
  @Valid @NotNull private MessagingSettings messaging = new MessagingSettings();
  @Valid @NotNull private IdempotencySettings idempotency = new IdempotencySettings();
  @Valid @NotNull private TemplateSettings templates = new TemplateSettings();

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

  @JsonProperty
  public MessagingSettings getMessaging() {
    return messaging;
  }

  @JsonProperty
  public void setMessaging(MessagingSettings messaging) {
    this.messaging = messaging;
  }

  @JsonProperty
  public IdempotencySettings getIdempotency() {
    return idempotency;
  }

  @JsonProperty
  public void setIdempotency(IdempotencySettings idempotency) {
    this.idempotency = idempotency;
  }

  @JsonProperty
  public TemplateSettings getTemplates() {
    return templates;
  }

  @JsonProperty
  public void setTemplates(TemplateSettings templates) {
    this.templates = templates;
  }
}
