package io.gau.email.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.dropwizard.lifecycle.Managed;
import io.gau.shared.email.ConfirmingChannel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delays without broker TTLs (which Qpid lacks): each retry tier has one fixed delay, so its head is
 * always the first message due. One prefetch-1 consumer per tier holds the head until its
 * {@code x-gau-due-at}, republishes it to the main queue (confirmed), then acks it. A crash before the ack
 * just redelivers the head.
 */
public final class RetryTierDrainer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RetryTierDrainer.class);
  private static final long REPUBLISH_BACKOFF_MS = 1000;

  private final Connection connection;
  private final EmailTopology topology;
  private final ConfirmingChannel publisher;
  private final InstantSource clock;
  private final List<Channel> channels = new ArrayList<>();
  private ScheduledExecutorService scheduler;

  public RetryTierDrainer(Connection connection, EmailTopology topology, ConfirmingChannel publisher, InstantSource clock) {
    this.connection = connection;
    this.topology = topology;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void start() throws Exception {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "email-retry-tiers");
      thread.setDaemon(true);
      return thread;
    });
    for (String tierQueue : topology.retryQueues()) {
      Channel channel = connection.createChannel();
      channel.basicQos(1);
      channel.basicConsume(tierQueue, false, new DefaultConsumer(channel) {
        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
          long delay = Math.max(0, DeliveryHeaders.dueAt(properties) - clock.millis());
          schedule(() -> republish(channel, envelope, properties, body), delay);
        }
      });
      channels.add(channel);
    }
  }

  private void republish(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    try {
      publisher.publish("", topology.queue(), DeliveryHeaders.with(properties, Map.of(), Set.of(DeliveryHeaders.DUE_AT)), body);
      channel.basicAck(envelope.getDeliveryTag(), false);
    } catch (RuntimeException | java.io.IOException e) {
      if (!channel.isOpen()) {
        return; // the broker redelivers the head to whoever consumes the tier next
      }
      LOG.warn("could not move a due retry back to {}: {}", topology.queue(), e.toString());
      schedule(() -> republish(channel, envelope, properties, body), REPUBLISH_BACKOFF_MS);
    }
  }

  private void schedule(Runnable task, long delayMillis) {
    try {
      scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // stopping: the unacked head returns to its tier when the channel closes
    }
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    Channels.closeAll(channels);
  }
}
