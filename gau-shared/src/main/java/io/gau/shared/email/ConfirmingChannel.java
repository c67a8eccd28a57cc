package io.gau.shared.email;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One publisher-confirm channel shared under a lock: {@link #publish} sends with {@code mandatory} and
 * returns only once the broker confirmed the message as routed, else throws {@link EmailPublishException}.
 * A channel that failed is dropped and a new one is opened (and set up again) on the next publish.
 */
public class ConfirmingChannel implements AutoCloseable {
  /** Declarations to run on every newly opened channel (idempotent declares). */
  @FunctionalInterface
  public interface Setup {
    void apply(Channel channel) throws IOException;
  }

  private final Connection connection;
  private final Setup setup;
  private final Duration confirmTimeout;
  private Channel channel; // guarded by this
  private volatile String returnedReason; // set by the return listener before the broker's ack arrives

  public ConfirmingChannel(Connection connection, Setup setup, Duration confirmTimeout) {
    this.connection = connection;
    this.setup = setup;
    this.confirmTimeout = confirmTimeout;
  }

  /** Publishes and waits for the confirm; an unroutable (returned or nacked) message is an error too. */
  public synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    try {
      Channel current = channel();
      returnedReason = null;
      current.basicPublish(exchange, routingKey, true, properties, body);
      current.waitForConfirmsOrDie(confirmTimeout.toMillis());
      requireRouted(exchange, routingKey);
    } catch (IOException | TimeoutException | RuntimeException e) {
      // a channel with an unconfirmed or failed publish is not trusted again
      discardChannel();
      requireRouted(exchange, routingKey); // RabbitMQ returns then acks; Qpid returns and/or nacks
      if (e instanceof EmailPublishException publishException) {
        throw publishException;
      }
      throw new EmailPublishException("message not confirmed by the broker: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discardChannel();
      throw new EmailPublishException("interrupted while waiting for the broker's confirm", e);
    }
  }

  private void requireRouted(String exchange, String routingKey) {
    String returned = returnedReason;
    if (returned != null) {
      throw new EmailPublishException(
          "message to exchange '" + exchange + "' with routing key '" + routingKey + "' was not routed to any queue: "
              + returned);
    }
  }

  private Channel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      Channel created = connection.createChannel();
      if (created == null) {
        throw new IOException("no AMQP channel available");
      }
      setup.apply(created);
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
