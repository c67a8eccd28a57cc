package io.gau.email;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.email.testing.EmailStack;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class EmailDeliveryIT {
  private static final EmailStack STACK = new EmailStack("delivery");
  private static final DropwizardAppExtension<EmailConfiguration> APP = STACK.app(Map.of());

  @AfterAll
  static void cleanUp() throws Exception {
    STACK.close();
  }

  @BeforeEach
  void emptyDeadLetterQueue() throws Exception {
    STACK.drainDeadLetters();
  }

  @Test
  void referenceMessageBecomesOneTwoPartMailWithEscapedValues() throws Exception {
    String to = STACK.newAddress();
    STACK.publish(
        "{\"type\":\"confirmation\",\"recipient\":\"" + to + "\",\"recipientName\":\"<script>alert(1)</script>\","
            + "\"content\":\"Line one\\nLine <b>two</b>\"}", null);
    MimeMessage mail = awaitMails(to, 1).get(0);
    EmailStack.Parts parts = EmailStack.parts(mail);
    assertThat(mail.getSubject()).isEqualTo("Please confirm - Gau (local)");
    assertThat(parts.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains(">Line one</p>").contains(">Line &lt;b&gt;two&lt;/b&gt;</p>");
    assertThat(parts.text()).contains("Line one\nLine <b>two</b>");
    assertThat(mail.getFrom()[0].toString()).contains("noreply@gau.local");
  }

  @Test
  void verificationMailCarriesItsLinkInBothPartsInTheRequestedLocale() throws Exception {
    String to = STACK.newAddress();
    String link = "http://127.0.0.1:8080/api/v2/account/verify-email/tok_123-abc";
    STACK.publish(
        "{\"id\":\"" + STACK.gau.uniqueName("v") + "\",\"template\":\"verify_email\",\"locale\":\"vi\",\"recipient\":\""
            + to + "\",\"actionUrl\":\"" + link + "\"}", null);
    MimeMessage mail = awaitMails(to, 1).get(0);
    EmailStack.Parts parts = EmailStack.parts(mail);
    assertThat(mail.getSubject()).startsWith("Xác minh địa chỉ email");
    assertThat(parts.text()).contains(link);
    assertThat(parts.html()).contains("href=\"" + link + "\"");
  }

  @Test
  void poisonMessagesAreDeadLetteredAtOnceWithTheirReasonWithoutBlockingTheQueue() throws Exception {
    String to = STACK.newAddress();
    STACK.publish("not json at all {", null);
    STACK.publish("{\"type\":\"party\",\"recipient\":\"" + to + "\",\"content\":\"x\"}", null);
    STACK.publish("{\"type\":\"info\",\"recipient\":\"nobody\",\"content\":\"x\"}", null);
    STACK.publish("{\"type\":\"info\",\"recipient\":\"" + to + "\",\"content\":\"x\",\"actionUrl\":\"https://evil.example/\"}", null);
    STACK.publish("{\"type\":\"info\",\"recipient\":\"" + to + "\",\"content\":\"after the poison\"}", null);
    assertThat(EmailStack.parts(awaitMails(to, 1).get(0)).text()).contains("after the poison");
    await().atMost(Duration.ofSeconds(10)).until(() -> STACK.count(STACK.deadLetterQueue) == 4);
    List<String> reasons =
        STACK.drainDeadLetters().stream().map(r -> String.valueOf(r.getProps().getHeaders().get("x-gau-dead-letter-reason"))).toList();
    assertThat(reasons).containsExactlyInAnyOrder(
        "invalid message: body is not JSON",
        "invalid message: unknown type",
        "invalid message: recipient is not a valid email address",
        "invalid message: actionUrl is not on an allowed origin");
    assertThat(STACK.count(STACK.queue + "_retry_1")).isZero();
  }

  @Test
  void sameMessageIdPublishedTwiceSendsOneMail() throws Exception {
    String byBody = STACK.newAddress();
    String byProperty = STACK.newAddress();
    String id = STACK.gau.uniqueName("dup");
    String body = "{\"id\":\"" + id + "\",\"type\":\"notification\",\"recipient\":\"" + byBody + "\",\"content\":\"once\"}";
    STACK.publish(body, null);
    STACK.publish(body, null);
    String propertyId = STACK.gau.uniqueName("dup-prop");
    String plain = "{\"type\":\"notification\",\"recipient\":\"" + byProperty + "\",\"content\":\"once\"}";
    STACK.publish(plain, propertyId);
    STACK.publish(plain, propertyId);
    awaitMails(byBody, 1);
    awaitMails(byProperty, 1);
    Thread.sleep(5000); // longer than the in-progress timeout plus a retry tier: a second mail would be here by now
    assertThat(STACK.mailsTo(byBody)).hasSize(1);
    assertThat(STACK.mailsTo(byProperty)).hasSize(1);
    assertThat(APP.getEnvironment().metrics().meter("gau.email.duplicate").getCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void smtpOutageIsRetriedWithDelaysAndTheMailArrivesWhenSmtpIsBack() throws Exception {
    String to = STACK.newAddress();
    long retried = APP.getEnvironment().metrics().meter("gau.email.retried").getCount();
    STACK.gau.stopSmtp();
    try {
      STACK.publish("{\"id\":\"" + STACK.gau.uniqueName("out") + "\",\"type\":\"info\",\"recipient\":\"" + to + "\",\"content\":\"late\"}", null);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> APP.getEnvironment().metrics().meter("gau.email.retried").getCount() >= retried + 2);
    } finally {
      STACK.gau.startSmtp();
    }
    assertThat(EmailStack.parts(awaitMails(to, 1).get(0)).text()).contains("late");
    Thread.sleep(2000);
    assertThat(STACK.mailsTo(to)).hasSize(1);
    assertThat(STACK.count(STACK.deadLetterQueue)).isZero();
  }

  @Test
  void smtpOutageLongerThanTheRetriesEndsInExactlyOneDeadLetterThatCanBeReplayed() throws Exception {
    String to = STACK.newAddress();
    STACK.gau.stopSmtp();
    try {
      STACK.publish("{\"id\":\"" + STACK.gau.uniqueName("lost") + "\",\"type\":\"info\",\"recipient\":\"" + to + "\",\"content\":\"replayed\"}", null);
      // 1 s + 2 s + 3 s of tiers plus four refused connections
      await().atMost(Duration.ofSeconds(30)).until(() -> STACK.count(STACK.deadLetterQueue) >= 1);
      Thread.sleep(1500);
      assertThat(STACK.count(STACK.deadLetterQueue)).isEqualTo(1);
      try (Channel channel = STACK.connection().createChannel()) {
        GetResponse dead = channel.basicGet(STACK.deadLetterQueue, false);
        assertThat(String.valueOf(dead.getProps().getHeaders().get("x-gau-dead-letter-reason")))
            .startsWith("gave up after 4 attempts: SMTP unreachable");
        assertThat(dead.getProps().getHeaders().get("x-gau-attempt")).isEqualTo(3);
        assertThat(new String(dead.getBody(), UTF_8)).contains(to);
        channel.basicNack(dead.getEnvelope().getDeliveryTag(), false, true);
      }
    } finally {
      STACK.gau.startSmtp();
    }
    assertThat(STACK.mailsTo(to)).isEmpty();

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/tasks/replay-dlq?max=10"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("replayed 1 dead letters");
    awaitMails(to, 1);
    assertThat(STACK.count(STACK.deadLetterQueue)).isZero();
  }

  private static List<MimeMessage> awaitMails(String to, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> STACK.mailsTo(to).size() >= count);
    return STACK.mailsTo(to);
  }
}
