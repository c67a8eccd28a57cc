package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Sign-up rules through HTTP: every bad input is a 4xx JSON envelope and writes nothing; duplicates are 409. */
class RegistrationIT {
  private static final AccountStack STACK = AccountStack.get();
  private final Http http = new Http(STACK.api());
  private final Jdbi db = STACK.accountDb();

  @Test
  void badRegistrationsAnswer4xxJsonAndWriteNothing() {
    String email = unique() + "@example.com";
    long usersBefore = count("users");
    long outboxBefore = count("outbox");
    List<Object> bodies = List.of(
        map("password", "x", "email", "not-an-email"),
        map("password", "Correct-Horse-99", "email", "a@b"),
        map("password", "short", "email", email),
        map("password", "password1234", "email", email),
        map("password", email, "email", email),
        map("password", "Correct-Horse-99"),
        map("password", "Correct-Horse-99", "email", email, "username", "x"),
        map("password", "Correct-Horse-99", "email", email, "username", "bad name!"),
        map("password", "Correct-Horse-99", "email", email, "phone", "12ab"),
        map("password", "Correct-Horse-99", "email", email, "date_of_birth", "yesterday"),
        map("password", "Correct-Horse-99", "email", email, "gender", "x".repeat(50)),
        map("email", email),
        "{not json",
        "[]");
    for (Object body : bodies) {
      Http.Answer answer = body instanceof String raw
          ? http.send("POST", "/basic/register", raw, "application/json")
          : http.post("/basic/register", body);
      assertThat(answer.status()).as("%s -> %s", body, answer).isBetween(400, 422);
      assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
      assertThat(answer.json().get("error").asText()).isNotBlank();
    }
    assertThat(http.send("POST", "/basic/register", "a=b", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    assertThat(count("users")).isEqualTo(usersBefore);
    assertThat(count("outbox")).isEqualTo(outboxBefore);
  }

  @Test
  void duplicateUsernameIs409AndGeneratedUsernamesNeverCollide() {
    String name = "u" + unique().substring(0, 10);
    assertThat(http.post("/basic/register", map("password", "Correct-Horse-99", "email", unique() + "@example.com",
        "username", name)).status()).isEqualTo(200);
    Http.Answer taken = http.post("/basic/register", map("password", "Correct-Horse-99",
        "email", unique() + "@example.com", "username", name.toUpperCase()));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("code").asText()).isEqualTo("username_taken");
    for (int i = 0; i < 3; i++) {
      assertThat(http.post("/basic/register", map("password", "Correct-Horse-99", "email", unique() + "@example.com",
          "fullname", "Same Name")).status()).isEqualTo(200);
    }
  }

  @Test
  void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
    String email = unique() + "@example.com";
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Callable<Integer> call = () -> http.post("/basic/register",
            map("password", "Correct-Horse-99", "email", email, "fullname", "Racer")).status();
        results.add(pool.submit(call));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnly(200, 409);
      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    long accounts = db.withHandle(h -> h.createQuery("select count(*) from users where email = :e").bind("e", email)
        .mapTo(Long.class).one());
    assertThat(accounts).isEqualTo(1);
  }

  @Test
  void signUpsNamingOneEmailAreLimitedWhateverAddressTheyComeFrom() {
    String email = unique() + "@example.com";
    int perTarget = STACK.config().security.signUpsPerTarget;
    for (int i = 0; i < perTarget; i++) {
      Http.Answer answer = http.post("/basic/register", map("password", "Correct-Horse-99", "email", email),
          "X-Forwarded-For", "198.51.100." + (i + 1));
      assertThat(answer.status()).as("attempt %d: %s", i, answer).isEqualTo(i == 0 ? 200 : 409);
    }
    Http.Answer held = http.post("/basic/register", map("password", "Correct-Horse-99", "email", email),
        "X-Forwarded-For", "203.0.113.200");
    assertThat(held.status()).isEqualTo(429);
    assertThat(held.json().get("code").asText()).isEqualTo("too_many_requests");
    assertThat(held.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
    assertThat(http.post("/basic/register", map("password", "Correct-Horse-99", "email", unique() + "@example.com"),
        "X-Forwarded-For", "203.0.113.200").status()).as("another email from that address").isEqualTo(200);
  }

  @Test
  void resendByUserIdAlwaysAnswersTheSame() {
    Http.Answer unknown = http.post("/send-verification/" + UUID.randomUUID(), null);
    Http.Answer garbage = http.post("/send-verification/not-a-uuid", null);
    assertThat(unknown.status()).isEqualTo(202);
    assertThat(garbage.status()).isEqualTo(202);
    assertThat(unknown.json()).isEqualTo(garbage.json());
  }

  @Test
  void loginWithoutCredentialsIs400AndOldClientKeysAreIgnored() {
    Http.Answer answer = http.post("/basic/login", Map.of("keepMeLogin", "true"), "X-Device-ID", "d");
    assertThat(answer.status()).isEqualTo(400);
  }

  private long count(String table) {
    return db.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  private static String unique() {
    return "r" + UUID.randomUUID().toString().replace("-", "");
  }
}
