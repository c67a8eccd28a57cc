package io.gau.email.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.gau.email.config.MessagingSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker objects gau-email uses, declared idempotently at start: the topic exchange and its queue
 * (bound with {@code email.*}), a fanout dead-letter exchange and queue, and one queue per retry tier.
 * Declares no TTL or dead-letter arguments (Qpid Broker-J rejects them) and reuses a queue that already
 * exists with whatever arguments it has (the earlier service's {@code x-message-ttl}/{@code x-max-length}).
 */
public final class EmailTopology {
  private static final Logger LOG = LoggerFactory.getLogger(EmailTopology.class);

  private final String exchange;
  private final String queue;
  private final String bindingKey;
  private final String deadLetterExchange;
  private final String deadLetterQueue;
  private final List<String> retryQueues;
  private final List<Duration> retryDelays;

  public EmailTopology(MessagingSettings settings) {
    this.exchange = settings.getExchange();
    this.queue = settings.getQueue();
    this.bindingKey = settings.getBindingKey();
    this.deadLetterExchange = settings.getDeadLetterExchange();
    this.deadLetterQueue = settings.getDeadLetterQueue();
    List<String> names = new ArrayList<>();
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < settings.getRetryDelays().size(); i++) {
      names.add(queue + "_retry_" + (i + 1));
      delays.add(Duration.ofMillis(settings.getRetryDelays().get(i).toMilliseconds()));
    }
    this.retryQueues = List.copyOf(names);
    this.retryDelays = List.copyOf(delays);
  }

  public void declare(Connection connection) throws IOException {
    withChannel(connection, channel -> {
      channel.exchangeDeclare(exchange, "topic", true);
      channel.exchangeDeclare(deadLetterExchange, "fanout", true);
    });
    declareQueueUnlessPresent(connection, queue);
    declareQueueUnlessPresent(connection, deadLetterQueue);
    for (String retryQueue : retryQueues) {
      declareQueueUnlessPresent(connection, retryQueue);
    }
    withChannel(connection, channel -> {
      channel.queueBind(queue, exchange, bindingKey);
      channel.queueBind(deadLetterQueue, deadLetterExchange, "");
    });
  }

  /**
   * A queue that exists is used as it is: redeclaring it with other arguments would fail with
   * PRECONDITION_FAILED (and close the connection on Qpid). The passive check runs on a throwaway
   * channel because a missing queue closes the channel with 404.
   */
  private static void declareQueueUnlessPresent(Connection connection, String name) throws IOException {
    Channel probe = connection.createChannel();
    try {
      probe.queueDeclarePassive(name);
      LOG.info("queue {} exists; using it with its current arguments", name);
      return;
    } catch (IOException missing) {
      // 404 NOT_FOUND: declare it below
    } finally {
      Channels.closeQuietly(probe);
    }
    withChannel(connection, channel -> channel.queueDeclare(name, true, false, false, null));
  }

  private interface ChannelWork {
    void run(Channel channel) throws IOException;
  }

  private static void withChannel(Connection connection, ChannelWork work) throws IOException {
    Channel channel = connection.createChannel();
    try {
      work.run(channel);
    } finally {
      Channels.closeQuietly(channel);
    }
  }


  public String exchange() {
    return exchange;
  }

  public String queue() {
    return queue;
  }

  public String deadLetterExchange() {
    return deadLetterExchange;
  }

  public String deadLetterQueue() {
    return deadLetterQueue;
  }

  public List<String> retryQueues() {
    return retryQueues;
  }

  public List<Duration> retryDelays() {
    return retryDelays;
  }
}
