package io.gau.shared.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.util.Date;

/**
 * Publishes {@link EmailMessage}s to the gau-email exchange: persistent JSON, {@code mandatory}, confirmed
 * by the broker before {@link #publish} returns. Any failure throws {@link EmailPublishException}, so an
 * outbox relay can keep its row and retry. Thread-safe; declares the durable topic exchange itself.
 */
public class EmailPublisher implements AutoCloseable {
  /** The reference exchange name. */
  public static final String DEFAULT_EXCHANGE = "email_exchange";

  private final String exchange;
  private final ObjectMapper mapper = Jackson.newObjectMapper();
  private final ConfirmingChannel channel;

  public EmailPublisher(Connection connection, String exchange) {
    this(connection, exchange, Duration.ofSeconds(10));
  }

  public EmailPublisher(Connection connection, String exchange, Duration confirmTimeout) {
    this.exchange = exchange;
    // declaring is idempotent and means a fresh broker never closes our channel with 404 NOT_FOUND
    this.channel = new ConfirmingChannel(connection, c -> c.exchangeDeclare(exchange, "topic", true), confirmTimeout);
  }

  /** Sends one message (routing key e.g. {@code email.send}) and waits for the broker's confirm. */
  public void publish(String routingKey, EmailMessage message) {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new EmailPublishException("cannot serialise the email message", e);
    }
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .deliveryMode(2)
            .messageId(message.id())
            .timestamp(new Date())
            .build();
    channel.publish(exchange, routingKey, properties, body);
  }

  @Override
  public void close() {
    channel.close();
  }
}
