package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Mail goes through the outbox: a broker outage delays it, loses none and sends none twice. */
class OutboxIT {
  private static final AccountStack STACK = AccountStack.get();
  private final Http http = new Http(STACK.api());
  private final Jdbi db = STACK.accountDb();

  @Test
  void mailWrittenDuringABrokerOutageIsPublishedOnceAfterIt() throws Exception {
    assumeTrue(STACK.gau().embedded(), "needs the embedded broker to stop it");
    String email = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    STACK.gau().stopAmqp();
    try {
      Http.Answer registered = http.post("/basic/register",
          map("password", "Correct-Horse-99", "email", email, "fullname", "Outage"));
      assertThat(registered.status()).as("sign-up does not need the broker").isEqualTo(200);
      Thread.sleep(1500);
      assertThat(pending(email)).isEqualTo(2);
    } finally {
      STACK.gau().startAmqp();
    }
    // the embedded broker keeps no topology across a restart: bind the capture queue again, as the
    // email service does when it reconnects
    STACK.mailsTo(email);
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> pending(email) == 0);
    STACK.awaitMail(email, "verify_email", Duration.ofSeconds(10));
    Thread.sleep(1000);
    assertThat(STACK.mailsTo(email)).hasSize(2);
  }

  private long pending(String email) {
    return db.withHandle(h -> h.createQuery(
            "select count(*) from outbox where sent_at is null and payload->>'recipient' = :e")
        .bind("e", email).mapTo(Long.class).one());
  }
}
