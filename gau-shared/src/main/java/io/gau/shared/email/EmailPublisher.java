package io.gau.shared.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@link EmailMessage}s to the gau-email exchange: persistent, {@code mandatory}, confirmed by the
 * broker before {@link #publish} returns. Any failure throws {@link EmailPublishException}, so an outbox
 * relay can keep the row and retry. Thread-safe: one confirm channel, used under a lock and reopened when
 * the broker closed it.
 */
public class EmailPublisher implements AutoCloseable {
  /** The reference exchange name. */
  public static final String DEFAULT_EXCHANGE = "email_exchange";

  private final Connection connection;
  private final String exchange;
  private final ObjectMapper mapper;
  private final Duration confirmTimeout;
  private Channel channel; // guarded by this
  private volatile String returnedReason; // set by the return listener before the broker's ack arrives

  public EmailPublisher(Connection connection, String exchange) {
    this(connection, exchange, Duration.ofSeconds(10));
  }

  public EmailPublisher(Connection connection, String exchange, Duration confirmTimeout) {
    this.connection = connection;
    this.exchange = exchange;
    this.mapper = Jackson.newObjectMapper();
    this.confirmTimeout = confirmTimeout;
  }

  /** Sends one message and waits for the broker's confirm; an unroutable message is an error too. */
  public synchronized void publish(String routingKey, EmailMessage message) {
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
    try {
      Channel current = channel();
      returnedReason = null;
      current.basicPublish(exchange, routingKey, true, properties, body);
      current.waitForConfirmsOrDie(confirmTimeout.toMillis());
      requireRouted(routingKey);
    } catch (IOException | TimeoutException | RuntimeException e) {
      // a channel with an unconfirmed or failed publish is not trusted again
      discardChannel();
      requireRouted(routingKey); // RabbitMQ returns then acks; Qpid returns and/or nacks
      if (e instanceof EmailPublishException publishException) {
        throw publishException;
      }
      throw new EmailPublishException("email message not confirmed by the broker: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discardChannel();
      throw new EmailPublishException("interrupted while waiting for the broker's confirm", e);
    }
  }

  private void requireRouted(String routingKey) {
    String returned = returnedReason;
    if (returned != null) {
      throw new EmailPublishException(
          "message to " + exchange + " with routing key " + routingKey + " was not routed to any queue: " + returned);
    }
  }

  private Channel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      Channel created = connection.createChannel();
      if (created == null) {
        throw new IOException("no AMQP channel available");
      }
      // declaring is idempotent and means a fresh broker never closes our channel with 404 NOT_FOUND
      created.exchangeDeclare(exchange, "topic", true);
      created.confirmSelect();
      created.addReturnListener(r -> returnedReason = r.getReplyCode() + " " + r.getReplyText());
      channel = created;
    }
    return channel;
  }

  private void discardChannel() {
    Channel current = channel;
    channel = null;
    if (current != null && current.isOpen()) {
      try {
        current.abort();
      } catch (IOException ignored) {
        // already unusable; a new channel is opened on the next publish
      }
    }
  }

  @Override
  public synchronized void close() {
    discardChannel();
  }
}
