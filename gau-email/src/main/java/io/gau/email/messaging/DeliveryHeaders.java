package io.gau.email.messaging;

import com.rabbitmq.client.AMQP;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The headers gau-email adds to the messages it moves between its queues. */
public final class DeliveryHeaders {
  /** How many sends were tried and failed transiently before this delivery. */
  public static final String ATTEMPT = "x-gau-attempt";
  /** Epoch milliseconds at which a message in a retry tier is due. */
  public static final String DUE_AT = "x-gau-due-at";
  public static final String DEAD_LETTER_REASON = "x-gau-dead-letter-reason";
  public static final String DEAD_LETTERED_AT = "x-gau-dead-lettered-at";
  public static final String ORIGINAL_EXCHANGE = "x-gau-original-exchange";
  public static final String ORIGINAL_ROUTING_KEY = "x-gau-original-routing-key";

  private DeliveryHeaders() {}

  public static int attempt(AMQP.BasicProperties properties) {
    return (int) number(properties, ATTEMPT, 0);
  }

  public static long dueAt(AMQP.BasicProperties properties) {
    return number(properties, DUE_AT, 0);
  }

  public static String text(AMQP.BasicProperties properties, String name) {
    Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
    return value == null ? null : value.toString(); // LongString prints as its text
  }

  private static long number(AMQP.BasicProperties properties, String name, long fallback) {
    Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value != null) {
      try {
        return Long.parseLong(value.toString().trim());
      } catch (NumberFormatException ignored) {
        return fallback;
      }
    }
    return fallback;
  }

  /** The same message, persistent, with {@code set} headers put and {@code remove} headers dropped. */
  public static AMQP.BasicProperties with(AMQP.BasicProperties properties, Map<String, Object> set, Set<String> remove) {
    Map<String, Object> headers = properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
    headers.keySet().removeAll(remove);
    headers.putAll(set);
    return properties.builder().headers(headers).deliveryMode(2).build();
  }
}
