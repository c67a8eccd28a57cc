package io.gau.email;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.gau.devstack.testing.GauInfra;
import io.gau.shared.email.EmailMessage;
import io.gau.shared.email.EmailPublishException;
import io.gau.shared.email.EmailPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailPublisherIT {
  private final GauInfra gau = GauInfra.get();
  private final String exchange = gau.uniqueName("pub-exchange");
  private final String queue = gau.uniqueName("pub-queue");
  private Connection connection;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(gau.infra().amqpUri());
    connection = factory.newConnection("email-publisher-it");
    channel = connection.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    // Qpid answers a delete of a missing queue with 404, which closes the channel: one channel each
    for (String name : List.of(queue, exchange)) {
      try (Channel cleanup = connection.createChannel()) {
        if (name.equals(queue)) {
          cleanup.queueDelete(name);
        } else {
          cleanup.exchangeDelete(name);
        }
      } catch (Exception ignored) {
        // never created by this test
      }
    }
    connection.close();
  }

  @Test
  void publishedMessageIsPersistentJsonWithTheIdAsMessageId() throws Exception {
    try (EmailPublisher publisher = new EmailPublisher(connection, exchange)) {
      bindQueue();
      publisher.publish(
          "email.send",
          EmailMessage.templated("id-1", "verify_email", "en", "a@example.com", "An", "http://localhost:8080/x", Map.of()));
      GetResponse response = get();
      assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
      assertThat(response.getProps().getContentType()).isEqualTo("application/json");
      assertThat(response.getProps().getMessageId()).isEqualTo("id-1");
      assertThat(new String(response.getBody(), UTF_8))
          .contains("\"template\":\"verify_email\"", "\"id\":\"id-1\"")
          .doesNotContain("content");
    }
  }

  @Test
  void publisherDeclaresTheExchangeItself() throws Exception {
    try (EmailPublisher publisher = new EmailPublisher(connection, exchange)) {
      // no queue bound yet: the exchange must exist after the first (failing) publish
      assertThatThrownBy(() -> publisher.publish("email.send", message("b@example.com")))
          .isInstanceOf(EmailPublishException.class);
      channel.exchangeDeclarePassive(exchange);
    }
  }

  @Test
  void unroutableMessageIsAnError() throws Exception {
    try (EmailPublisher publisher = new EmailPublisher(connection, exchange)) {
      bindQueue();
      assertThatThrownBy(() -> publisher.publish("other.key", message("c@example.com")))
          .isInstanceOf(EmailPublishException.class)
          // RabbitMQ returns the message; Qpid Broker-J nacks it
          .hasMessageMatching("(?s).*(not routed|nack).*");
      // and the publisher keeps working afterwards
      publisher.publish("email.send", message("d@example.com"));
      assertThat(new String(get().getBody(), UTF_8)).contains("d@example.com");
    }
  }

  @Test
  void concurrentPublishersShareOneInstanceSafely() throws Exception {
    try (EmailPublisher publisher = new EmailPublisher(connection, exchange)) {
      bindQueue();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String to = "n" + i + "@example.com";
        futures.add(pool.submit(() -> publisher.publish("email.send", message(to))));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      assertThat(channel.messageCount(queue)).isEqualTo(100);
    }
  }

  @Test
  void publishAfterTheChannelWasClosedOpensANewOne() throws Exception {
    try (EmailPublisher publisher = new EmailPublisher(connection, exchange)) {
      bindQueue();
      publisher.publish("email.send", message("e@example.com"));
      channel.queuePurge(queue);
      // a publish to a missing exchange makes the broker close the publisher's channel (404)
      channel.exchangeDelete(exchange);
      assertThatThrownBy(() -> publisher.publish("email.send", message("f@example.com")))
          .isInstanceOf(EmailPublishException.class);
      bindQueue();
      publisher.publish("email.send", message("g@example.com"));
      assertThat(new String(get().getBody(), UTF_8)).contains("g@example.com");
    }
  }

  private void bindQueue() throws Exception {
    channel.exchangeDeclare(exchange, "topic", true);
    channel.queueDeclare(queue, true, false, false, null);
    channel.queueBind(queue, exchange, "email.*");
  }

  private GetResponse get() throws Exception {
    for (int i = 0; i < 50; i++) {
      GetResponse response = channel.basicGet(queue, true);
      if (response != null) {
        return response;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no message in " + queue);
  }

  private static EmailMessage message(String to) {
    return EmailMessage.reference("notification", to, null, "hello", null);
  }
}
