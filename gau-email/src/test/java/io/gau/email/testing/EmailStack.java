package io.gau.email.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import io.gau.email.EmailConfiguration;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broker names, a Redis database and config overrides unique to one test class, so that classes never
 * see each other's messages; plus a plain AMQP client and mail readers for the assertions.
 */
public final class EmailStack implements AutoCloseable {
  public final GauInfra gau = GauInfra.get();
  public final Infra infra = gau.infra();
  public final String exchange;
  public final String queue;
  public final String deadLetterExchange;
  public final String deadLetterQueue;
  public final int redisDatabase;
  private Connection connection;

  public EmailStack(String prefix) {
    String base = gau.uniqueName(prefix).replace('-', '_');
    exchange = base + "_exchange";
    queue = base + "_queue";
    deadLetterExchange = base + "_dlx";
    deadLetterQueue = base + "_dlq";
    redisDatabase = gau.newRedisDatabase();
  }

  public static String configPath() {
    return Path.of(System.getProperty("gau.root", ".."), "config", "local", "email.yml").toString();
  }

  /** Overrides for the local config: port 0, the test servers, this stack's names, fast retry tiers. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.applicationConnectors[0].port", "0");
    settings.put("server.adminConnectors[0].port", "0");
    settings.put("amqp.uri", infra.amqpUri());
    settings.put("redis.host", infra.redisHost());
    settings.put("redis.port", String.valueOf(infra.redisPort()));
    settings.put("redis.database", String.valueOf(redisDatabase));
    settings.put("smtp.host", infra.smtpHost());
    settings.put("smtp.port", String.valueOf(infra.smtpPort()));
    settings.put("smtp.connectTimeout", "1s");
    settings.put("smtp.sessionTimeout", "5s");
    settings.put("messaging.exchange", exchange);
    settings.put("messaging.queue", queue);
    settings.put("messaging.deadLetterExchange", deadLetterExchange);
    settings.put("messaging.deadLetterQueue", deadLetterQueue);
    settings.put("messaging.retryDelays", "1s,2s,3s");
    settings.put("messaging.shutdownTimeout", "10s");
    settings.put("idempotency.inProgressTimeout", "3s");
    return settings;
  }

  public DropwizardAppExtension<EmailConfiguration> app(Map<String, String> extra) {
    return new DropwizardAppExtension<>(TestEmailApplication.class, configPath(), overrides(extra));
  }

  public DropwizardTestSupport<EmailConfiguration> support(Map<String, String> extra) {
    return new DropwizardTestSupport<>(TestEmailApplication.class, configPath(), overrides(extra));
  }

  private ConfigOverride[] overrides(Map<String, String> extra) {
    Map<String, String> all = settings();
    all.putAll(extra);
    List<ConfigOverride> out = new ArrayList<>();
    all.forEach((k, v) -> out.add(ConfigOverride.config(k, v)));
    return out.toArray(ConfigOverride[]::new);
  }

  public synchronized Connection connection() throws Exception {
    if (connection == null || !connection.isOpen()) {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(infra.amqpUri());
      connection = factory.newConnection("email-it-client");
    }
    return connection;
  }

  /** Publishes like the reference producers: persistent JSON, confirmed. */
  public void publish(String body, String messageId) throws Exception {
    try (Channel channel = connection().createChannel()) {
      channel.confirmSelect();
      AMQP.BasicProperties.Builder props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2);
      if (messageId != null) {
        props.messageId(messageId);
      }
      channel.basicPublish(exchange, "email.send", props.build(), body.getBytes(UTF_8));
      channel.waitForConfirmsOrDie(5000);
    }
  }

  public long count(String queueName) throws Exception {
    try (Channel channel = connection().createChannel()) {
      return channel.messageCount(queueName);
    }
  }

  /** Takes (and acks) every message now in the dead-letter queue. */
  public List<GetResponse> drainDeadLetters() throws Exception {
    List<GetResponse> out = new ArrayList<>();
    try (Channel channel = connection().createChannel()) {
      for (GetResponse r = channel.basicGet(deadLetterQueue, true); r != null; r = channel.basicGet(deadLetterQueue, true)) {
        out.add(r);
      }
    }
    return out;
  }

  public List<MimeMessage> mailsTo(String address) {
    // GreenMail's mailbox list may change under the read while mails arrive: read again
    for (int i = 0; ; i++) {
      try {
        return gau.mailsTo(address);
      } catch (java.util.ConcurrentModificationException e) {
        if (i == 20) {
          throw e;
        }
      }
    }
  }


  public String newAddress() {
    return gau.uniqueName("user") + "@example.com";
  }

  /** The plain-text and HTML parts of a captured mail. */
  public record Parts(String text, String html) {}

  public static Parts parts(MimeMessage message) throws Exception {
    String[] found = new String[2];
    collect(message, found);
    return new Parts(found[0], found[1]);
  }

  private static void collect(Part part, String[] found) throws Exception {
    if (part.isMimeType("text/plain") && found[0] == null) {
      found[0] = ((String) part.getContent()).replace("\r\n", "\n");
    } else if (part.isMimeType("text/html") && found[1] == null) {
      found[1] = ((String) part.getContent()).replace("\r\n", "\n");
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, found);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (connection != null && connection.isOpen()) {
      for (String name : List.of(queue, deadLetterQueue, queue + "_retry_1", queue + "_retry_2", queue + "_retry_3")) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(name);
        } catch (Exception ignored) {
          // Qpid closes the channel for a queue that is gone already
        }
      }
      connection.close();
    }
  }
}
