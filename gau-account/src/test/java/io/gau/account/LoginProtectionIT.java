package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.account.core.Base32;
import io.gau.account.core.Totp;
import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A sign-in from a new device is announced by mail; wrong OTP codes are limited per client IP. */
class LoginProtectionIT {
  private static final AccountStack STACK = AccountStack.get();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Http http = new Http(STACK.api());
  private final Jdbi db = STACK.accountDb();

  @Test
  void aLoginFromADeviceTheUserHasNotUsedBeforeQueuesOneLoginAlert() throws Exception {
    String email = "alert-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String laptop = "laptop-" + UUID.randomUUID();
    String phone = "phone-" + UUID.randomUUID();

    assertThat(login(email, password, laptop).status()).isEqualTo(200);
    assertThat(login(email, password, laptop).status()).isEqualTo(200);
    assertThat(alerts(email)).as("the first device of an account is the baseline").isEmpty();

    Instant before = Instant.now();
    assertThat(login(email, password, phone).status()).isEqualTo(200);
    assertThat(login(email, password, phone).status()).isEqualTo(200);
    List<JsonNode> alerts = alerts(email);
    assertThat(alerts).hasSize(1);
    JsonNode data = alerts.get(0).get("data");
    assertThat(data.get("device").asText()).isEqualTo(phone);
    assertThat(data.get("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(Instant.parse(data.get("time").asText())).isBetween(before.minusSeconds(1), Instant.now());

    JsonNode mail = STACK.awaitMail(email, "login_alert", Duration.ofSeconds(20));
    assertThat(mail.get("data").get("device").asText()).isEqualTo(phone);
    long devices = db.withHandle(h -> h.createQuery(
        "select count(*) from known_devices d join users u using (user_id) where u.email = :e")
        .bind("e", email).mapTo(Long.class).one());
    assertThat(devices).isEqualTo(2);
  }

  @Test
  void wrongOtpCodesFromOneIpAreDelayedWith429AndRetryAfterWhileOtherIpsAreNot() {
    String email = "otp-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String device = "otp-" + UUID.randomUUID();
    String[] auth = {"Authorization", "Bearer " + login(email, password, device).json().get("access_token").asText()};
    byte[] secret = Base32.decode(http.get("/mfa/totp/qr", auth).json().get("secret").asText());
    long step = Totp.step(System.currentTimeMillis() / 1000);
    assertThat(http.post("/mfa/totp/enable", map("otp_code", Totp.code(secret, step, "HmacSHA1", 6)), auth).status())
        .isEqualTo(200);
    String wrong = Totp.code(secret, step + 1000, "HmacSHA1", 6);

    // an attacker on 127.0.0.2 with the password, guessing codes over fresh challenges
    Http.Answer answer = null;
    int guesses = 0;
    String challenge = null;
    while (guesses < 40) {
      if (challenge == null || guesses % 4 == 0) {
        challenge = login(email, password, device).json().get("mfa_token").asText();
      }
      answer = http.postFrom("127.0.0.2", "/mfa/totp/verify", map("mfa_token", challenge, "otp_code", wrong),
          "X-Device-ID", device);
      if (answer.status() != 401) {
        break;
      }
      guesses++;
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
    assertThat(guesses).as("the configured free failures per IP").isEqualTo(10);
    assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(answer.json().get("status").asInt()).isEqualTo(429);

    // the right code from that IP must wait too; the user on another IP is not locked out
    String fresh = login(email, password, device).json().get("mfa_token").asText();
    String right = Totp.code(secret, step + 1, "HmacSHA1", 6);
    assertThat(http.postFrom("127.0.0.2", "/mfa/totp/verify", map("mfa_token", fresh, "otp_code", right),
        "X-Device-ID", device).status()).isEqualTo(429);
    Http.Answer owner = http.post("/mfa/totp/verify", map("mfa_token", fresh, "otp_code", right), "X-Device-ID", device);
    assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsForOneAccountAreDelayedWith429AfterTheFreeFailures() {
    String email = "brute-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String device = "brute-" + UUID.randomUUID();
    failLogins(5, email, password, device);
    Http.Answer limited = login(email, password, device);
    assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void aSuccessfulLoginClearsTheAccountsFailuresSoOnlyConsecutiveFailuresCount() {
    String email = "reset-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String device = "reset-" + UUID.randomUUID();
    for (int round = 0; round < 3; round++) {
      failLogins(4, email, password, device);
      Http.Answer owner = login(email, password, device);
      assertThat(owner.status()).as("round %d: %s", round, owner).isEqualTo(200);
    }
  }

  private String register(String email) {
    String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);
    Http.Answer registered = http.post("/basic/register", map("password", password, "fullname", "Alert", "email", email));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    return password;
  }

  /** {@code times} logins with a wrong password, each refused with 401 (not yet delayed). */
  private void failLogins(int times, String email, String password, String device) {
    for (int i = 0; i < times; i++) {
      assertThat(login(email, password + "-wrong", device).status()).isEqualTo(401);
    }
  }

  private Http.Answer login(String email, String password, String device) {
    return http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", device);
  }

  private List<JsonNode> alerts(String email) {
    return db.withHandle(h -> h.createQuery(
            "select payload::text from outbox where routing_key = 'email.login_alert' and payload->>'recipient' = :e")
        .bind("e", email).mapTo(String.class).list()).stream().map(LoginProtectionIT::json).toList();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
