package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gau.account.core.Base32;
import io.gau.account.core.Totp;
import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The client journey through HTTP, against the real gau-authorization and gau-upload in this JVM. */
class AccountJourneyIT {
  private static final AccountStack STACK = AccountStack.get();
  private final Http http = new Http(STACK.api());
  private final String device = "it-" + UUID.randomUUID();

  @Test
  void clientJourneyFromRegistrationToLogoutEverywhere() throws Exception {
    String email = "Journey-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
    String normalized = email.toLowerCase();
    String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);

    Http.Answer registered = http.post("/basic/register",
        map("username", "j" + UUID.randomUUID().toString().substring(0, 8), "password", password,
            "fullname", "Journey Tester", "email", email));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    String userId = registered.json().get("user_id").asText();
    assertThat(registered.json().get("message").asText()).isEqualTo("Registration successful");

    // same address in another case: still a duplicate
    Http.Answer duplicate = http.post("/basic/register",
        map("password", password, "fullname", "Other", "email", normalized.toUpperCase()));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("code").asText()).isEqualTo("email_taken");

    STACK.awaitMail(normalized, "welcome", Duration.ofSeconds(20));
    JsonNode mail = STACK.awaitMail(normalized, "verify_email", Duration.ofSeconds(20));
    String link = mail.get("actionUrl").asText();
    assertThat(link).startsWith(STACK.root() + "/api/v2/account/verify-email/");
    assertThat(mail.get("content").asText()).contains(link);
    Http.Answer page = http.get(link, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("text/html");
    assertThat(page.text()).contains("Email verified");
    Http.Answer again = http.get(link, "Accept", "application/json");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.json().get("error").asText()).contains("already used");

    Http.Answer wrong = http.post("/basic/login", map("email", email, "password", "wrong-password"), "X-Device-ID", device);
    Http.Answer unknown = http.post("/basic/login", map("email", "nobody-" + UUID.randomUUID() + "@example.com",
        "password", "wrong-password"), "X-Device-ID", device);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().get("error")).isEqualTo(unknown.json().get("error"));

    Http.Answer noDevice = http.post("/basic/login", map("email", email, "password", password));
    assertThat(noDevice.status()).isEqualTo(400);
    assertThat(noDevice.json().get("error").asText()).contains("X-Device-ID");

    Http.Answer login = http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", device);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    String access = login.json().get("access_token").asText();
    String refresh = login.json().get("refresh_token").asText();
    assertThat(login.json().get("expires_in").asLong()).isPositive();
    assertThat(login.cookies()).anySatisfy(c -> assertThat(c).startsWith("access_token=").containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax").contains("Path=/"));
    assertThat(login.cookies()).anySatisfy(c -> assertThat(c).startsWith("refresh_token=").containsIgnoringCase("HttpOnly"));
    String[] auth = {"Authorization", "Bearer " + access};

    JsonNode profile = http.get("/profile/basic", auth).json().get("user_info");
    assertThat(profile.get("email").asText()).isEqualTo(normalized);
    assertThat(profile.get("user_id").asText()).isEqualTo(userId);
    assertThat(profile.has("password")).isFalse();
    Http.Answer updated = http.put("/profile/basic", map("fullname", "Renamed Tester", "date_of_birth", "1990-01-02"), auth);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.text()).doesNotContain("argon2").doesNotContain("password");
    profile = http.get("/profile/basic", auth).json().get("user_info");
    assertThat(profile.get("fullname").asText()).isEqualTo("Renamed Tester");
    assertThat(profile.get("date_of_birth").asText()).isEqualTo("1990-01-02T00:00:00Z");
    JsonNode security = http.get("/profile/security", auth).json().get("user_info");
    assertThat(security.get("is_email_verified").asBoolean()).isTrue();

    // cookie-authenticated writes need an allowed Origin (CSRF)
    Http.Answer csrf = http.put("/profile/basic", map("fullname", "Evil"), "Cookie", "access_token=" + access,
        "Origin", "https://evil.example");
    assertThat(csrf.status()).isEqualTo(403);
    Http.Answer cookieRead = http.get("/profile/basic", "Cookie", "access_token=" + access);
    assertThat(cookieRead.status()).isEqualTo(200);

    String boundary = "b" + UUID.randomUUID();
    byte[] form = multipart(boundary, png());
    Http.Answer avatar = http.send("PATCH", "/profile/avatar", form, "multipart/form-data; boundary=" + boundary, auth);
    assertThat(avatar.status()).as(avatar.toString()).isEqualTo(200);
    assertThat(avatar.json().get("avatar_url").asText()).contains("/images/");
    assertThat(http.get("/profile/basic", auth).json().get("user_info").get("avatar_url").asText())
        .isEqualTo(avatar.json().get("avatar_url").asText());

    JsonNode qr = http.get("/mfa/totp/qr", auth).json();
    assertThat(qr.get("qr_code").asText()).startsWith("otpauth://totp/");
    assertThat(qr.get("qr_png").asText()).isNotEmpty();
    byte[] secret = Base32.decode(qr.get("secret").asText());
    long step = Totp.step(System.currentTimeMillis() / 1000);
    Http.Answer enabled = http.post("/mfa/totp/enable", map("otp_code", Totp.code(secret, step, "HmacSHA1", 6)), auth);
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
    assertThat(enabled.json().get("recovery_codes")).hasSize(10);
    String recovery = enabled.json().get("recovery_codes").get(0).asText();

    JsonNode challenge = http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", device).json();
    assertThat(challenge.get("mfa_required").asBoolean()).isTrue();
    assertThat(challenge.has("access_token")).isFalse();
    String mfaToken = challenge.get("mfa_token").asText();
    // the code used to enable may not be replayed
    assertThat(http.post("/mfa/totp/verify", map("mfa_token", mfaToken, "otp_code", Totp.code(secret, step, "HmacSHA1", 6)),
        "X-Device-ID", device).status()).isEqualTo(401);
    String next = Totp.code(secret, step + 1, "HmacSHA1", 6);
    Http.Answer stepUp = http.post("/mfa/totp/verify", map("mfa_token", mfaToken, "otp_code", next), "X-Device-ID", device);
    assertThat(stepUp.status()).as(stepUp.toString()).isEqualTo(200);
    String access2 = stepUp.json().get("access_token").asText();
    assertThat(http.post("/mfa/totp/verify", map("mfa_token", mfaToken, "otp_code", next), "X-Device-ID", device).status())
        .as("a challenge is single use").isEqualTo(401);

    // same code on a new challenge: a replay within its window is refused; a recovery code works once
    String mfaToken2 = http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", device)
        .json().get("mfa_token").asText();
    assertThat(http.post("/mfa/totp/verify", map("mfa_token", mfaToken2, "otp_code", next), "X-Device-ID", device).status())
        .isEqualTo(401);
    assertThat(http.post("/mfa/totp/verify", map("mfa_token", mfaToken2, "otp_code", recovery), "X-Device-ID", device)
        .status()).isEqualTo(200);

    Http.Answer refreshed = http.post("/token/refresh", null, "X-Refresh-Token", refresh, "X-Device-ID", device);
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.json().get("refresh_token").asText()).isNotEqualTo(refresh);

    JsonNode sessions = http.get("/sessions", auth).json();
    assertThat(sessions.get("sessions").size()).isGreaterThanOrEqualTo(3);

    Http.Answer everywhere = http.post("/logout/all", null, "Authorization", "Bearer " + access2);
    assertThat(everywhere.status()).isEqualTo(200);
    for (String token : new String[] {access, access2, refreshed.json().get("access_token").asText()}) {
      assertThat(http.get("/profile/basic", "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }
  }

  @Test
  void routesThatNeedATokenAnswer401JsonWithoutOne() {
    Http.Answer answer = http.get("/profile/basic");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    assertThat(http.get("/profile/basic", "Authorization", "Bearer not-a-token").status()).isEqualTo(401);
  }

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 32; x++) {
      image.setRGB(x, x, 0xff0000);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] multipart(String boundary, byte[] png) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(png);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
