package io.gau.email.messaging;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import io.gau.email.core.DeliveryOutcome;
import io.gau.email.core.MailRequest;
import io.gau.email.core.MailSendException;
import io.gau.email.core.MailService;
import io.gau.email.core.MessageParser;
import io.gau.email.core.PoisonMessageException;
import io.gau.shared.email.ConfirmingChannel;
import io.gau.shared.email.EmailPublishException;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the fate of one delivery from the main queue and acks it only once that fate is safe: sent by
 * SMTP, recognised as a duplicate, moved to a retry tier, or dead-lettered (the last two with a publisher
 * confirm). If even that publish fails the delivery is returned to the queue.
 */
public final class DeliveryHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);

  private final MessageParser parser;
  private final MailService mailService;
  private final ConfirmingChannel publisher;
  private final EmailTopology topology;
  private final InstantSource clock;
  private final Meter sent;
  private final Meter failed;
  private final Meter retried;
  private final Meter deadLettered;
  private final Meter duplicates;

  public DeliveryHandler(
      MessageParser parser,
      MailService mailService,
      ConfirmingChannel publisher,
      EmailTopology topology,
      InstantSource clock,
      MetricRegistry metrics) {
    this.parser = parser;
    this.mailService = mailService;
    this.publisher = publisher;
    this.topology = topology;
    this.clock = clock;
    this.sent = metrics.meter("gau.email.sent");
    this.failed = metrics.meter("gau.email.failed");
    this.retried = metrics.meter("gau.email.retried");
    this.deadLettered = metrics.meter("gau.email.dead_lettered");
    this.duplicates = metrics.meter("gau.email.duplicate");
  }

  public void handle(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    long tag = envelope.getDeliveryTag();
    try {
      decide(envelope, properties, body);
      channel.basicAck(tag, false);
    } catch (EmailPublishException e) {
      LOG.warn("could not move a message to a retry tier or the dead-letter queue; returning it: {}", e.getMessage());
      pause();
      nack(channel, tag);
    } catch (IOException | RuntimeException e) {
      // the channel died under us: the broker redelivers the message, the idempotency key prevents a second mail
      LOG.warn("could not acknowledge a message: {}", e.toString());
    }
  }

  private void decide(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    int attempt = DeliveryHeaders.attempt(properties);
    MailRequest request;
    try {
      request = parser.parse(body, properties.getMessageId());
    } catch (PoisonMessageException e) {
      deadLetter(envelope, properties, body, "invalid message: " + e.getMessage());
      return;
    }
    try {
      DeliveryOutcome outcome = mailService.deliver(request);
      switch (outcome) {
        case SENT -> sent.mark();
        case DUPLICATE -> duplicates.mark();
        // another consumer holds the id: look again after the first tier's delay, without spending an attempt
        case BUSY -> toRetryTier(envelope, properties, body, 0, attempt);
      }
    } catch (MailSendException e) {
      failed.mark();
      if (e.permanent()) {
        deadLetter(envelope, properties, body, "rejected: " + e.getMessage());
      } else if (attempt < topology.retryQueues().size()) {
        toRetryTier(envelope, properties, body, attempt, attempt + 1);
        retried.mark();
        LOG.info("mail failed ({}); retry {} of {} in {}", e.getMessage(), attempt + 1,
            topology.retryQueues().size(), topology.retryDelays().get(attempt));
      } else {
        deadLetter(envelope, properties, body, "gave up after " + (attempt + 1) + " attempts: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      // a bug of ours (rendering): retrying cannot help, keep the message for a replay after the fix
      LOG.error("unexpected failure while handling a mail request", e);
      deadLetter(envelope, properties, body, "unexpected error: " + e.getClass().getSimpleName());
    }
  }

  private void toRetryTier(Envelope envelope, AMQP.BasicProperties properties, byte[] body, int tier, int attempt) {
    Map<String, Object> headers = origin(envelope, properties);
    headers.put(DeliveryHeaders.ATTEMPT, attempt);
    headers.put(DeliveryHeaders.DUE_AT, clock.millis() + topology.retryDelays().get(tier).toMillis());
    publisher.publish("", topology.retryQueues().get(tier), DeliveryHeaders.with(properties, headers, Set.of()), body);
  }

  private void deadLetter(Envelope envelope, AMQP.BasicProperties properties, byte[] body, String reason) {
    Map<String, Object> headers = origin(envelope, properties);
    headers.put(DeliveryHeaders.DEAD_LETTER_REASON, reason);
    headers.put(DeliveryHeaders.DEAD_LETTERED_AT, clock.millis());
    publisher.publish(
        topology.deadLetterExchange(), "", DeliveryHeaders.with(properties, headers, Set.of(DeliveryHeaders.DUE_AT)), body);
    deadLettered.mark();
    LOG.warn("message dead-lettered to {}: {}", topology.deadLetterQueue(), reason);
  }

  /** Where the message was first published, kept across tiers so a replay can send it back there. */
  private static Map<String, Object> origin(Envelope envelope, AMQP.BasicProperties properties) {
    Map<String, Object> headers = new HashMap<>();
    if (DeliveryHeaders.text(properties, DeliveryHeaders.ORIGINAL_ROUTING_KEY) == null) {
      headers.put(DeliveryHeaders.ORIGINAL_EXCHANGE, envelope.getExchange());
      headers.put(DeliveryHeaders.ORIGINAL_ROUTING_KEY, envelope.getRoutingKey());
    }
    return headers;
  }

  private static void nack(Channel channel, long tag) {
    try {
      channel.basicNack(tag, false, true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not return a message to its queue: {}", e.toString());
    }
  }

  /** Keeps a broker in trouble from being hammered with the same redelivery. */
  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
