package io.gau.email.messaging;

import com.rabbitmq.client.Channel;
import java.util.List;

/** Closing channels that the broker may have closed already. */
final class Channels {
  private Channels() {}

  static void closeQuietly(Channel channel) {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (Exception ignored) {
      // closed by the broker or the connection already; unacked messages return to their queue either way
    }
  }

  static void closeAll(List<Channel> channels) {
    channels.forEach(Channels::closeQuietly);
    channels.clear();
  }
}
