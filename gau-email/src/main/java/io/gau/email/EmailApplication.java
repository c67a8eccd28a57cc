package io.gau.email;

import com.rabbitmq.client.Connection;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.gau.email.cli.ReplayDeadLettersTask;
import io.gau.email.client.SmtpMailSender;
import io.gau.email.config.IdempotencySettings;
import io.gau.email.config.MessagingSettings;
import io.gau.email.config.TemplateSettings;
import io.gau.email.core.LinkPolicy;
import io.gau.email.core.MailRenderer;
import io.gau.email.core.MailService;
import io.gau.email.core.MessageParser;
import io.gau.email.db.RedisSentMailRegistry;
import io.gau.email.messaging.DeadLetterReplayer;
import io.gau.email.messaging.DeliveryHandler;
import io.gau.email.messaging.EmailConsumer;
import io.gau.email.messaging.EmailTopology;
import io.gau.email.messaging.RetryTierDrainer;
import io.gau.shared.GauBundle;
import io.gau.shared.email.ConfirmingChannel;
import io.gau.shared.health.SmtpHealthCheck;
import java.time.Duration;
import java.time.InstantSource;
import redis.clients.jedis.RedisClient;

/** gau-email: consumes mail requests from RabbitMQ, renders them and sends them over SMTP. */
public class EmailApplication extends Application<EmailConfiguration> {

  public static void main(String[] args) throws Exception {
    new EmailApplication().run(args);
  }

  @Override
  public String getName() {
    return "gau-email";
  }

  @Override
  public void initialize(Bootstrap<EmailConfiguration> bootstrap) {
    bootstrap.addBundle(new GauBundle());
  }

  @Override
  public void run(EmailConfiguration configuration, Environment environment) {
    InstantSource clock = InstantSource.system();
    MessagingSettings messaging = configuration.getMessaging();
    IdempotencySettings idempotency = configuration.getIdempotency();
    TemplateSettings templates = configuration.getTemplates();

    Connection amqp = configuration.getAmqp().build(environment, getName());
    RedisClient redis = configuration.getRedis().build(environment);
    environment
        .healthChecks()
        .register("smtp", new SmtpHealthCheck(configuration.getSmtp().getHost(), configuration.getSmtp().getPort()));

    MessageParser parser =
        new MessageParser(
            environment.getObjectMapper(),
            new LinkPolicy(templates.getAllowedLinkOrigins()),
            templates.getDefaultLocale(),
            messaging.getMaxMessageSize().toBytes());
    MailRenderer renderer = new MailRenderer(templates.getProductName(), templates.getSiteUrl(), clock);
    SmtpMailSender sender = new SmtpMailSender(configuration.getSmtp());
    environment.lifecycle().manage(sender);
    RedisSentMailRegistry registry =
        new RedisSentMailRegistry(
            redis,
            idempotency.getKeyPrefix(),
            Duration.ofMillis(idempotency.getWindow().toMilliseconds()),
            Duration.ofMillis(idempotency.getInProgressTimeout().toMilliseconds()));
    MailService mailService = new MailService(renderer, sender, registry, environment.metrics());

    EmailTopology topology = new EmailTopology(messaging);
    ConfirmingChannel publisher =
        new ConfirmingChannel(amqp, channel -> {}, Duration.ofMillis(messaging.getConfirmTimeout().toMilliseconds()));
    DeliveryHandler handler = new DeliveryHandler(parser, mailService, publisher, topology, clock, environment.metrics());
    // registered after SMTP and Redis, so stopped before them: mails in flight still have both
    environment.lifecycle().manage(
        new EmailConsumer(
            amqp, topology, handler, messaging.getConcurrency(),
            Duration.ofMillis(messaging.getShutdownTimeout().toMilliseconds())));
    environment.lifecycle().manage(new RetryTierDrainer(amqp, topology, publisher, clock));
    environment.admin().addTask(new ReplayDeadLettersTask(new DeadLetterReplayer(amqp, topology, publisher)));
  }
}
