package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gau.account.core.Base32;
import io.gau.account.core.Totp;
import io.gau.account.testing.AccountStack;
import io.gau.account.testing.FakeGoogle;
import io.gau.account.testing.Http;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Google sign-in (A18) through HTTP against a local fake Google (certificates, tokeninfo, userinfo). */
class GoogleSignInIT {
  private static final AccountStack STACK = AccountStack.get();
  private static final FakeGoogle GOOGLE = FakeGoogle.get();
  private static final String CLIENT = AccountStack.GOOGLE_CLIENT_ID;
  private final Http http = new Http(STACK.api());
  private final Jdbi db = STACK.accountDb();
  private final String device = "it-google-" + UUID.randomUUID();

  @Test
  void aValidIdTokenCreatesAPasswordlessVerifiedUserAndReturnsTokens() {
    String email = newEmail();
    String sub = newSubject();
    Http.Answer answer = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, sub, email, true)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("access_token").asText()).isNotEmpty();
    assertThat(answer.json().get("refresh_token").asText()).isNotEmpty();
    assertThat(answer.cookies()).anySatisfy(c -> assertThat(c).startsWith("access_token="));
    Map<String, Object> row = user(email);
    assertThat(row.get("password_hash")).isNull();
    assertThat(row.get("email_verified")).isEqualTo(true);
    assertThat(row.get("email_verified_at")).isNotNull();
    JsonNode profile = http.get("/profile/basic", bearer(answer)).json().get("user_info");
    assertThat(profile.get("user_id").asText()).isEqualTo(row.get("user_id").toString());

    // the same Google account again: the same user, not a second one
    Http.Answer again = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, sub, email, true)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(http.get("/profile/basic", bearer(again)).json().get("user_info").get("user_id").asText())
        .isEqualTo(row.get("user_id").toString());
    assertThat(count("select count(*) from users where email = :e", email)).isEqualTo(1);
  }

  @Test
  void idTokensWithAWrongAudienceAnExpiryAForgedSignatureOrAnotherIssuerAre401AndCreateNothing() {
    String email = newEmail();
    JwtClaims wrongAudience = FakeGoogle.idClaims("someone-else.apps.googleusercontent.com", newSubject(), email, true);
    JwtClaims expired = FakeGoogle.idClaims(CLIENT, newSubject(), email, true);
    expired.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 7200));
    expired.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
    JwtClaims wrongIssuer = FakeGoogle.idClaims(CLIENT, newSubject(), email, true);
    wrongIssuer.setIssuer("https://evil.example");
    String forged = FakeGoogle.sign(FakeGoogle.idClaims(CLIENT, newSubject(), email, true),
        FakeGoogle.newKey(GOOGLE.keyId()));
    String[] tokens = {GOOGLE.sign(wrongAudience), GOOGLE.sign(expired), forged, GOOGLE.sign(wrongIssuer),
        "not.a.jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "eyJhbGciOiJub25lIn0.W10.", "e30.bnVsbA.x"};

    for (String token : tokens) {
      Http.Answer answer = google(token);
      assertThat(answer.status()).as(token + " -> " + answer).isEqualTo(401);
      assertThat(answer.json().get("code").asText()).isEqualTo("invalid_google_token");
      assertThat(answer.text()).doesNotContain("access_token");
    }
    assertThat(count("select count(*) from users where email = :e", email)).isZero();
  }

  @Test
  void anAccessTokenIsAcceptedOnlyWhenTokeninfoNamesAConfiguredClient() {
    String email = newEmail();
    String sub = newSubject();
    Map<String, Object> profile = Map.of("sub", sub, "email", email, "email_verified", true, "name", "Access Tester");
    String foreign = "ya29.foreign-" + UUID.randomUUID();
    GOOGLE.accessToken(foreign, Map.of("aud", "other.apps.googleusercontent.com",
        "azp", "other.apps.googleusercontent.com", "sub", sub), profile);
    String ours = "ya29.ours-" + UUID.randomUUID();
    GOOGLE.accessToken(ours, Map.of("aud", "other.apps.googleusercontent.com", "azp", CLIENT, "sub", sub), profile);

    Http.Answer rejected = google(foreign);
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(401);
    assertThat(rejected.json().get("code").asText()).isEqualTo("invalid_google_token");
    Http.Answer unknown = google("ya29.unknown-" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(count("select count(*) from users where email = :e", email)).isZero();

    Http.Answer accepted = google(ours);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("access_token").asText()).isNotEmpty();
    assertThat(user(email).get("password_hash")).isNull();
  }

  @Test
  void withoutADeviceIdTheAnswerIs400AndNothingIsCreated() {
    String email = newEmail();
    Http.Answer answer = http.post("/sso/google",
        map("token", GOOGLE.sign(FakeGoogle.idClaims(CLIENT, newSubject(), email, true))));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asText()).isEqualTo("device_id_required");
    assertThat(count("select count(*) from users where email = :e", email)).isZero();
    assertThat(count("select count(*) from google_identities where email = :e", email)).isZero();
    assertThat(count("select count(*) from outbox where payload->>'recipient' = :e", email)).isZero();
  }

  @Test
  void anUnverifiedPasswordAccountIsNotTakenOverButAVerifiedOneIsLinkedWhenGoogleVerifiedTheEmail() throws Exception {
    String email = newEmail();
    String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);
    Http.Answer registered = http.post("/basic/register", map("password", password, "fullname", "Owner", "email", email));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    String userId = registered.json().get("user_id").asText();

    // the password account has not verified its address yet: no link, whatever Google says
    Http.Answer unverified = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, newSubject(), email, true)));
    assertThat(unverified.status()).as(unverified.toString()).isEqualTo(409);
    assertThat(unverified.json().get("code").asText()).isEqualTo("account_exists");
    assertThat(unverified.json().get("error").asText()).isNotBlank();
    assertThat(unverified.text()).doesNotContain("access_token");
    assertThat(count("select count(*) from google_identities where user_id = cast(:e as uuid)", userId)).isZero();

    String link = STACK.awaitMail(email, "verify_email", Duration.ofSeconds(20)).get("actionUrl").asText();
    assertThat(http.get(link, "Accept", "application/json").status()).isEqualTo(200);

    // verified here, but Google does not vouch for the address: still no link
    Http.Answer googleUnverified = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, newSubject(), email, false)));
    assertThat(googleUnverified.status()).isEqualTo(409);
    assertThat(googleUnverified.json().get("code").asText()).isEqualTo("account_exists");
    assertThat(count("select count(*) from google_identities where user_id = cast(:e as uuid)", userId)).isZero();

    // both verified: signs in as the existing user, whose password still works
    Http.Answer linked = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, newSubject(), email, true)));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(http.get("/profile/basic", bearer(linked)).json().get("user_info").get("user_id").asText())
        .isEqualTo(userId);
    assertThat(count("select count(*) from google_identities where user_id = cast(:e as uuid)", userId)).isEqualTo(1);
    assertThat(http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", device).status())
        .isEqualTo(200);
  }

  @Test
  void aPictureUrlOffTheAllowListIsNeverFetchedAndAFailingDownloadNeverBlocksSignIn() {
    int before = GOOGLE.pictureRequests();
    // plain http to a loopback address: an SSRF attempt, refused without a request
    String refusedEmail = newEmail();
    JwtClaims refused = FakeGoogle.idClaims(CLIENT, newSubject(), refusedEmail, true);
    refused.setClaim("picture", GOOGLE.pictureUrl());
    Http.Answer answer = google(GOOGLE.sign(refused));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(user(refusedEmail).get("avatar_url")).isNull();
    assertThat(GOOGLE.pictureRequests()).isEqualTo(before);

    // an allowed host (the test stack allows "localhost") whose download fails: TLS against a plain server
    String failedEmail = newEmail();
    JwtClaims failing = FakeGoogle.idClaims(CLIENT, newSubject(), failedEmail, true);
    failing.setClaim("picture", "https://localhost:" + GOOGLE.port() + "/picture/me.png");
    Http.Answer signedIn = google(GOOGLE.sign(failing));
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    assertThat(user(failedEmail).get("avatar_url")).isNull();
  }

  @Test
  void aTotpEnabledAccountSigningInWithGoogleGetsTheMfaChallengeNotTokens() {
    String email = newEmail();
    String sub = newSubject();
    Http.Answer first = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, sub, email, true)));
    assertThat(first.status()).isEqualTo(200);
    String[] auth = bearer(first);
    byte[] secret = Base32.decode(http.get("/mfa/totp/qr", auth).json().get("secret").asText());
    long step = Totp.step(System.currentTimeMillis() / 1000);
    Http.Answer enabled = http.post("/mfa/totp/enable", map("otp_code", Totp.code(secret, step, "HmacSHA1", 6)), auth);
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);

    Http.Answer challenge = google(GOOGLE.sign(FakeGoogle.idClaims(CLIENT, sub, email, true)));
    assertThat(challenge.status()).isEqualTo(200);
    assertThat(challenge.json().get("mfa_required").asBoolean()).isTrue();
    assertThat(challenge.json().has("access_token")).isFalse();
    assertThat(challenge.cookies()).noneSatisfy(c -> assertThat(c).startsWith("access_token="));
    Http.Answer completed = http.post("/mfa/totp/verify", map("mfa_token", challenge.json().get("mfa_token").asText(),
        "otp_code", Totp.code(secret, step + 1, "HmacSHA1", 6)), "X-Device-ID", device);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().get("access_token").asText()).isNotEmpty();
  }

  private Http.Answer google(String token) {
    return http.post("/sso/google", map("token", token), "X-Device-ID", device);
  }

  private static String[] bearer(Http.Answer answer) {
    return new String[] {"Authorization", "Bearer " + answer.json().get("access_token").asText()};
  }

  private Map<String, Object> user(String email) {
    return db.withHandle(h -> h.createQuery("select * from users where email = :e").bind("e", email).mapToMap().one());
  }

  private long count(String sql, String value) {
    return db.withHandle(h -> h.createQuery(sql).bind("e", value).mapTo(Long.class).one());
  }

  private static String newEmail() {
    return "google-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
  }

  private static String newSubject() {
    return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
  }
}
