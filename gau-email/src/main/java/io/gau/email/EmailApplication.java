package io.gau.email;

import com.rabbitmq.client.Connection;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.gau.shared.GauBundle;
import io.gau.shared.health.SmtpHealthCheck;
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
    Connection amqp = configuration.getAmqp().build(environment, getName());
    RedisClient redis = configuration.getRedis().build(environment);
    environment
        .healthChecks()
        .register("smtp", new SmtpHealthCheck(configuration.getSmtp().getHost(), configuration.getSmtp().getPort()));
  }
}
