package io.gau.email.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the main queue on {@code concurrency} channels, each with prefetch 1 and manual acks, and hands
 * every delivery to one worker thread. Stop cancels the consumers, lets the mails in flight finish, then
 * closes the channels (an unacked delivery goes back to the queue).
 */
public final class EmailConsumer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(EmailConsumer.class);

  private final Connection connection;
  private final EmailTopology topology;
  private final DeliveryHandler handler;
  private final int concurrency;
  private final Duration shutdownTimeout;
  private final List<Channel> channels = new ArrayList<>();
  private final List<String> consumerTags = new ArrayList<>();
  private ExecutorService workers;

  public EmailConsumer(
      Connection connection, EmailTopology topology, DeliveryHandler handler, int concurrency, Duration shutdownTimeout) {
    this.connection = connection;
    this.topology = topology;
    this.handler = handler;
    this.concurrency = concurrency;
    this.shutdownTimeout = shutdownTimeout;
  }

  @Override
  public void start() throws Exception {
    topology.declare(connection);
    AtomicInteger threads = new AtomicInteger();
    workers = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "email-worker-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < concurrency; i++) {
      Channel channel = connection.createChannel();
      channel.basicQos(1);
      ExecutorService pool = workers;
      String tag =
          channel.basicConsume(
              topology.queue(),
              false,
              new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                  try {
                    pool.execute(() -> handler.handle(channel, envelope, properties, body));
                  } catch (RejectedExecutionException stopping) {
                    // arrived while stopping: left unacked, it returns to the queue when the channel closes
                  }
                }
              });
      channels.add(channel);
      consumerTags.add(tag);
    }
  }

  @Override
  public void stop() throws Exception {
    for (int i = 0; i < channels.size(); i++) {
      try {
        channels.get(i).basicCancel(consumerTags.get(i));
      } catch (Exception e) {
        LOG.debug("cancel failed: {}", e.toString());
      }
    }
    if (workers != null) {
      workers.shutdown();
      if (!workers.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("mails still in flight after {}; their messages return to the queue", shutdownTimeout);
        workers.shutdownNow();
      }
    }
    Channels.closeAll(channels);
    consumerTags.clear();
  }
}
