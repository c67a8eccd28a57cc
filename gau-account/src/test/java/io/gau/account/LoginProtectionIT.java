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

/**
 * A sign-in from a new device is announced by mail; wrong passwords and codes are delayed per account and
 * per client address, and a held address never refuses a correct answer for an account with a clean counter.
 */
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

  /** An account with TOTP on, signed in once so its first device is known. */
  private record TotpAccount(String email, String password, byte[] secret, String device) {
    String code(long stepOffset) {
      return Totp.code(secret, Totp.step(System.currentTimeMillis() / 1000) + stepOffset, "HmacSHA1", 6);
    }
  }

  private TotpAccount totpAccount(String prefix) {
    String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String device = prefix + "-" + UUID.randomUUID();
    String[] auth = {"Authorization", "Bearer " + login(email, password, device).json().get("access_token").asText()};
    byte[] secret = Base32.decode(http.get("/mfa/totp/qr", auth).json().get("secret").asText());
    TotpAccount account = new TotpAccount(email, password, secret, device);
    assertThat(http.post("/mfa/totp/enable", map("otp_code", account.code(0)), auth).status()).isEqualTo(200);
    return account;
  }

  private Http.Answer verifyFrom(String address, TotpAccount account, String code) {
    String challenge = login(account.email(), account.password(), account.device()).json().get("mfa_token").asText();
    return http.postFrom(address, "/mfa/totp/verify", map("mfa_token", challenge, "otp_code", code),
        "X-Device-ID", account.device());
  }

  @Test
  void wrongOtpCodesAreDelayedPerAccountWhateverAddressTheyComeFrom() {
    TotpAccount victim = totpAccount("otp-acct");
    String wrong = victim.code(1000);
    // an attacker with the password, guessing codes over fresh challenges from a new address each time
    for (int i = 0; i < 5; i++) {
      Http.Answer answer = verifyFrom("127.0.1." + (10 + i), victim, wrong);
      assertThat(answer.status()).as("guess %d: %s", i, answer).isEqualTo(401);
    }
    Http.Answer held = verifyFrom("127.0.1.20", victim, victim.code(1));
    assertThat(held.status()).as("the account's free code failures are used up: " + held).isEqualTo(429);
    assertThat(Integer.parseInt(held.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(held.json().get("status").asInt()).isEqualTo(429);
  }

  @Test
  void anAddressHeldForWrongCodesStillAnswersACorrectCodeOfAnAccountWithACleanCounter() {
    // 10 wrong codes from 127.0.0.2 (the free failures of an address) spread over two accounts
    for (TotpAccount guessed : List.of(totpAccount("otp-a"), totpAccount("otp-b"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(verifyFrom("127.0.0.2", guessed, guessed.code(1000)).status()).isEqualTo(401);
      }
    }
    TotpAccount clean = totpAccount("otp-clean");
    Http.Answer refused = verifyFrom("127.0.0.2", clean, clean.code(1000));
    assertThat(refused.status()).as("a wrong code from the held address waits: " + refused).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();

    TotpAccount other = totpAccount("otp-other");
    Http.Answer owner = verifyFrom("127.0.0.2", other, other.code(1));
    assertThat(owner.status()).as("a correct code of a clean account from the held address: " + owner).isEqualTo(200);
    assertThat(owner.json().get("access_token").asText()).isNotBlank();
    // the account that just failed from the held address is no longer clean there
    assertThat(verifyFrom("127.0.0.2", clean, clean.code(1)).status()).isEqualTo(429);
  }

  @Test
  void failuresAgainstMadeUpUsersFromOneAddressNeverRefuseACorrectPasswordOfACleanAccount() {
    String email = "clean-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    String victim = "dirty-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String victimPassword = register(victim);
    // 60 failures from 127.0.0.3 against usernames nobody has: the address is held after its 50 free ones
    Http.Answer last = null;
    for (int i = 0; i < 60; i++) {
      last = http.postFrom("127.0.0.3", "/basic/login", map("username", "ghost" + i + "-" + UUID.randomUUID(),
          "password", "nope-" + i), "X-Device-ID", "z");
    }
    assertThat(last.status()).as("made-up users from the held address: " + last).isEqualTo(429);

    Http.Answer owner = http.postFrom("127.0.0.3", "/basic/login", map("email", email, "password", password),
        "X-Device-ID", "d");
    assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
    assertThat(owner.json().get("access_token").asText()).isNotBlank();
    // a wrong password from the held address is refused and marks that account, which then waits there only
    assertThat(http.postFrom("127.0.0.3", "/basic/login", map("email", victim, "password", "wrong"),
        "X-Device-ID", "d").status()).isEqualTo(429);
    assertThat(http.postFrom("127.0.0.3", "/basic/login", map("email", victim, "password", victimPassword),
        "X-Device-ID", "d").status()).isEqualTo(429);
    assertThat(http.postFrom("127.0.0.4", "/basic/login", map("email", victim, "password", victimPassword),
        "X-Device-ID", "d").status()).isEqualTo(200);
  }

  @Test
  void xForwardedForNamesTheClientOnlyWhenATrustedProxySentIt() {
    String email = "proxy-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = register(email);
    assertThat(login(email, password, "proxy-baseline-" + UUID.randomUUID()).status()).isEqualTo(200);

    // 127.0.0.6 is not a trusted proxy (the local config trusts 127.0.0.1): its header is a spoof
    Http.Answer spoofed = http.postFrom("127.0.0.6", "/basic/login", map("email", email, "password", password),
        "X-Device-ID", "proxy-spoof-" + UUID.randomUUID(), "X-Forwarded-For", "198.51.100.7");
    assertThat(spoofed.status()).as(spoofed.toString()).isEqualTo(200);
    // through the trusted proxy, the hop it appended is the client; what the client wrote before it is not
    Http.Answer proxied = http.postFrom("127.0.0.1", "/basic/login", map("email", email, "password", password),
        "X-Device-ID", "proxy-real-" + UUID.randomUUID(), "X-Forwarded-For", "203.0.113.1, 198.51.100.8");
    assertThat(proxied.status()).as(proxied.toString()).isEqualTo(200);

    assertThat(alerts(email)).extracting(a -> a.get("data").get("ip").asText())
        .containsExactlyInAnyOrder("127.0.0.6", "198.51.100.8");
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
