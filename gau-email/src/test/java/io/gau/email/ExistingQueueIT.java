package io.gau.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import io.dropwizard.testing.DropwizardTestSupport;
import io.gau.email.testing.EmailStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Production brokers hold the {@code email_queue} that the earlier service declared with
 * {@code x-message-ttl} and {@code x-max-length}: gau-email must start against it and use it as it is.
 * The arguments are declared only on RabbitMQ ({@code GAU_TEST_INFRA=system}); Qpid Broker-J rejects them
 * by closing the connection, so there the queue pre-exists without them.
 */
class ExistingQueueIT {
  private static final EmailStack STACK = new EmailStack("legacy");

  @AfterAll
  static void cleanUp() throws Exception {
    STACK.close();
  }

  @Test
  void startsAgainstAQueueDeclaredByTheEarlierServiceAndConsumesFromIt() throws Exception {
    try (Channel channel = STACK.connection().createChannel()) {
      channel.exchangeDeclare(STACK.exchange, "topic", true);
      Map<String, Object> legacyArguments =
          STACK.gau.embedded() ? null : Map.of("x-message-ttl", 86_400_000, "x-max-length", 10_000);
      channel.queueDeclare(STACK.queue, true, false, false, legacyArguments);
      channel.queueBind(STACK.queue, STACK.exchange, "email.*");
    }
    String to = STACK.newAddress();
    STACK.publish("{\"type\":\"info\",\"recipient\":\"" + to + "\",\"content\":\"waiting since before the upgrade\"}", null);

    DropwizardTestSupport<EmailConfiguration> app = STACK.support(Map.of());
    app.before();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> STACK.mailsTo(to).size() == 1);
      // the queue kept its arguments: redeclaring it with them still succeeds (RabbitMQ would refuse otherwise)
      if (!STACK.gau.embedded()) {
        try (Channel channel = STACK.connection().createChannel()) {
          channel.queueDeclare(STACK.queue, true, false, false, Map.of("x-message-ttl", 86_400_000, "x-max-length", 10_000));
        }
      }
      assertThat(app.getEnvironment().healthChecks().runHealthCheck("amqp").isHealthy()).isTrue();
    } finally {
      app.after();
    }
  }
}
