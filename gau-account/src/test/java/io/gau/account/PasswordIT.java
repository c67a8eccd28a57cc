package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Forgot → mail → reset page → form post → new password works, old one and old sessions do not. */
class PasswordIT {
  private static final AccountStack STACK = AccountStack.get();
  private final Http http = new Http(STACK.api());
  private final String device = "pw-" + UUID.randomUUID();

  @Test
  void resetThroughTheHtmlFormChangesThePasswordOnce() throws Exception {
    String email = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    assertThat(http.post("/basic/register", map("password", "Old-Password-123", "email", email)).status()).isEqualTo(200);
    String oldAccess = http.post("/basic/login", map("email", email, "password", "Old-Password-123"), "X-Device-ID", device)
        .json().get("access_token").asText();

    assertThat(http.post("/password/forgot", map("email", "nobody-" + UUID.randomUUID() + "@example.com")).status())
        .isEqualTo(202);
    assertThat(http.post("/password/forgot", map("email", email)).status()).isEqualTo(202);
    String link = STACK.awaitMail(email, "reset_password", Duration.ofSeconds(20)).get("actionUrl").asText();
    Http.Answer page = http.get(link, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("<form").contains("new_password");
    String token = link.substring(link.lastIndexOf('/') + 1);

    Http.Answer mismatch = http.send("POST", "/password/reset", form(token, "New-Password-456", "Other-Password-789"),
        "application/x-www-form-urlencoded");
    assertThat(mismatch.status()).isEqualTo(400);
    Http.Answer weak = http.send("POST", "/password/reset", form(token, "password1234", "password1234"),
        "application/x-www-form-urlencoded");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.text()).contains("too common");
    Http.Answer done = http.send("POST", "/password/reset", form(token, "New-Password-456", "New-Password-456"),
        "application/x-www-form-urlencoded");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.text()).contains("Password reset");

    assertThat(http.post("/password/reset", map("token", token, "new_password", "Third-Password-789")).status())
        .as("single use").isEqualTo(400);
    assertThat(http.get(link, "Accept", "text/html").status()).isEqualTo(410);
    assertThat(http.post("/basic/login", map("email", email, "password", "Old-Password-123"), "X-Device-ID", device)
        .status()).isEqualTo(401);
    String access = http.post("/basic/login", map("email", email, "password", "New-Password-456"), "X-Device-ID", device)
        .json().get("access_token").asText();
    assertThat(http.get("/profile/basic", "Authorization", "Bearer " + oldAccess).status())
        .as("a reset logs out everywhere").isEqualTo(401);

    Http.Answer change = http.post("/password/change",
        map("current_password", "wrong-password-1", "new_password", "Fourth-Password-1"), "Authorization", "Bearer " + access);
    assertThat(change.status()).isEqualTo(403);
    change = http.post("/password/change",
        map("current_password", "New-Password-456", "new_password", "Fourth-Password-1"), "Authorization", "Bearer " + access);
    assertThat(change.status()).as(change.toString()).isEqualTo(200);
    assertThat(http.get("/profile/basic", "Authorization", "Bearer " + access).status())
        .as("the session that changed it stays").isEqualTo(200);
    STACK.awaitMail(email, "password_changed", Duration.ofSeconds(20));

    Http.Answer deleted = http.delete("/account", map("password", "Fourth-Password-1"), "Authorization", "Bearer " + access);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(http.get("/profile/basic", "Authorization", "Bearer " + access).status()).isEqualTo(401);
  }

  private static String form(String token, String password, String confirm) {
    return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&new_password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&confirm_password="
        + URLEncoder.encode(confirm, StandardCharsets.UTF_8);
  }
}
