package io.gau.email.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.gau.shared.email.ConfirmingChannel;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Moves dead letters back to the email exchange (with their original routing key and a fresh attempt count). */
public final class DeadLetterReplayer {
  private static final String FALLBACK_ROUTING_KEY = "email.replay";

  private final Connection connection;
  private final EmailTopology topology;
  private final ConfirmingChannel publisher;

  public DeadLetterReplayer(Connection connection, EmailTopology topology, ConfirmingChannel publisher) {
    this.connection = connection;
    this.topology = topology;
    this.publisher = publisher;
  }

  /** Replays at most {@code max} dead letters, oldest first; returns how many were moved. */
  public int replay(int max) throws IOException, TimeoutException {
    int moved = 0;
    Channel channel = connection.createChannel();
    try {
      while (moved < max) {
        GetResponse response = channel.basicGet(topology.deadLetterQueue(), false);
        if (response == null) {
          break;
        }
        String routingKey = DeliveryHeaders.text(response.getProps(), DeliveryHeaders.ORIGINAL_ROUTING_KEY);
        if (routingKey == null || routingKey.isBlank() || routingKey.equals(topology.queue())) {
          routingKey = FALLBACK_ROUTING_KEY;
        }
        try {
          publisher.publish(
              topology.exchange(),
              routingKey,
              DeliveryHeaders.with(
                  response.getProps(),
                  Map.of(),
                  Set.of(DeliveryHeaders.ATTEMPT, DeliveryHeaders.DUE_AT, DeliveryHeaders.DEAD_LETTER_REASON,
                      DeliveryHeaders.DEAD_LETTERED_AT)),
              response.getBody());
        } catch (RuntimeException e) {
          channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
          throw e;
        }
        channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
        moved++;
      }
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
    return moved;
  }
}
