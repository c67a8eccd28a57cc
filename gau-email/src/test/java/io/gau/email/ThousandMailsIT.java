package io.gau.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.email.testing.EmailStack;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ThousandMailsIT {
  private static final EmailStack STACK = new EmailStack("thousand");
  private static final DropwizardAppExtension<EmailConfiguration> APP = STACK.app(Map.of("messaging.concurrency", "4"));
  private static final Pattern NUMBER = Pattern.compile("message-(\\d+)\\b");

  @AfterAll
  static void cleanUp() throws Exception {
    STACK.close();
  }

  @Test
  void thousandMessagesBecomeThousandMailsNoneLostNoneDuplicated() throws Exception {
    List<String> recipients = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      recipients.add(STACK.newAddress());
    }
    try (Channel channel = STACK.connection().createChannel()) {
      channel.confirmSelect();
      for (int i = 0; i < 1000; i++) {
        String body = "{\"id\":\"" + STACK.exchange + "-" + i + "\",\"type\":\"info\",\"recipient\":\"" + recipients.get(i % 10)
            + "\",\"content\":\"message-" + i + "\"}";
        channel.basicPublish(STACK.exchange, "email.send", new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
            body.getBytes(StandardCharsets.UTF_8));
      }
      channel.waitForConfirmsOrDie(30_000);
    }
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
        .until(() -> recipients.stream().mapToInt(r -> STACK.mailsTo(r).size()).sum() >= 1000);
    Thread.sleep(2000);
    Set<Integer> numbers = new HashSet<>();
    int mails = 0;
    for (String recipient : recipients) {
      for (MimeMessage mail : STACK.mailsTo(recipient)) {
        mails++;
        Matcher m = NUMBER.matcher(EmailStack.parts(mail).text());
        assertThat(m.find()).isTrue();
        numbers.add(Integer.parseInt(m.group(1)));
      }
    }
    assertThat(mails).isEqualTo(1000);
    assertThat(numbers).hasSize(1000);
    assertThat(STACK.count(STACK.deadLetterQueue)).isZero();
    assertThat(APP.getEnvironment().metrics().meter("gau.email.sent").getCount()).isEqualTo(1000);
  }
}
