package io.gau.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.authorization.core.RevocationBitmap;
import io.gau.authorization.core.SecretBox;
import io.gau.authorization.core.SigningKeyService;
import io.gau.authorization.resources.TokenResource;
import io.gau.authorization.testing.AuthorizationStack;
import io.gau.shared.authorization.api.TokenPairResponse;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** The whole service against real PostgreSQL and Redis, driven over HTTP as gau-account would. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthorizationIT {
  static final AuthorizationStack STACK = AuthorizationStack.migrated();
  static final long GRACE_SECONDS = 4;
  static final ConfigOverride[] TEST_TIMINGS = {
    ConfigOverride.config("tokens.refreshGrace", GRACE_SECONDS + "s"),
    ConfigOverride.config("maintenance.keyActivationDelay", "0s")
  };
  static final DropwizardAppExtension<AuthorizationConfiguration> APP = STACK.app(TEST_TIMINGS);
  static final DropwizardAppExtension<AuthorizationConfiguration> SECOND = STACK.app(TEST_TIMINGS);

  final ApiCalls api = new ApiCalls(APP);

  @Test
  void aSessionLivesThroughIssueValidateRenewAndLogout() {
    UUID user = UUID.randomUUID();
    TokenPairResponse pair = api.issue(user, "member", "phone");
    assertThat(pair.status()).isEqualTo(200);
    assertThat(pair.tokenType()).isEqualTo("Bearer");
    assertThat(pair.expiresIn()).isBetween(890L, 900L);
    assertThat(pair.refreshToken()).matches("[A-Za-z0-9_-]{43}");

    for (Invocation.Builder call :
        List.of(
            api.validateRequest(null).header("Authorization", "Bearer " + pair.accessToken()),
            api.validateRequest(null).header("Authorization", "bearer " + pair.accessToken()),
            api.validateRequest(null).header("Authorization", pair.accessToken()),
            api.validateRequest(pair.accessToken()))) {
      try (Response response = call.get()) {
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("message").asText()).isEqualTo("Access token is valid");
        assertThat(body.at("/claims/user_id").asText()).isEqualTo(user.toString());
        assertThat(body.at("/claims/sub").asText()).isEqualTo(user.toString());
        assertThat(body.at("/claims/permission").asText()).isEqualTo("member");
        assertThat(body.at("/claims/jid").asText()).isEqualTo(pair.sessionId());
      }
    }

    TokenPairResponse renewed = api.renew(pair.refreshToken(), "phone", "X-Old-Access-Token", "garbage");
    assertThat(renewed.refreshToken()).isNotEqualTo(pair.refreshToken());
    assertThat(renewed.sessionId()).isEqualTo(pair.sessionId());
    assertThat(api.validateStatus(renewed.accessToken())).isEqualTo(200);

    try (Response response = api.authorized("token").header("X-Refresh-Token", renewed.refreshToken()).delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(api.validateStatus(pair.accessToken())).isEqualTo(401);
    assertThat(api.validateStatus(renewed.accessToken())).isEqualTo(401);
    try (Response response = api.renewResponse(renewed.refreshToken(), "phone")) {
      assertThat(response.getStatus()).isEqualTo(401);
    }
  }

  @Test
  void renewalNeedsTheSessionsDeviceAndAcceptsTheCookie() {
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "admin", "laptop");
    try (Response response = api.renewResponse(pair.refreshToken(), "another-device")) {
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("device_mismatch");
    }
    try (Response response =
        api.authorized("token/renew").header("X-Device-ID", "laptop").cookie("refresh_token", pair.refreshToken())
            .post(Entity.json("{}"))) {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.readEntity(TokenPairResponse.class).refreshToken()).isNotEqualTo(pair.refreshToken());
    }
  }

  @Test
  void twentyConcurrentRefreshesInsideTheGraceWindowAllGetTheSameSuccessor() throws Exception {
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "tablet");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<TokenPairResponse>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Callable<TokenPairResponse> renew = () -> {
        start.await();
        return api.renew(pair.refreshToken(), "tablet");
      };
      results.add(pool.submit(renew));
    }
    start.countDown();
    Set<String> successors = new HashSet<>();
    for (Future<TokenPairResponse> result : results) {
      successors.add(result.get().refreshToken());
    }
    pool.shutdown();
    assertThat(successors).hasSize(1);
    String successor = successors.iterator().next();
    TokenPairResponse next = api.renew(successor, "tablet");
    assertThat(api.validateStatus(next.accessToken())).isEqualTo(200);
  }

  @Test
  void reusingARotatedRefreshTokenAfterTheGraceWindowRevokesTheWholeSession() throws Exception {
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "phone");
    TokenPairResponse renewed = api.renew(pair.refreshToken(), "phone");
    Thread.sleep(Duration.ofSeconds(GRACE_SECONDS).plusMillis(700).toMillis());
    try (Response response = api.renewResponse(pair.refreshToken(), "phone")) {
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("refresh_token_reused");
    }
    assertThat(api.validateStatus(renewed.accessToken())).isEqualTo(401);
    try (Response response = api.renewResponse(renewed.refreshToken(), "phone")) {
      assertThat(response.getStatus()).isEqualTo(401);
    }
  }

  @Test
  void aRevokedSessionFailsValidationOnASecondInstanceImmediately() {
    ApiCalls second = new ApiCalls(SECOND);
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "phone");
    assertThat(second.validateStatus(pair.accessToken())).isEqualTo(200);
    try (Response response = api.authorized("token").header("X-Refresh-Token", pair.refreshToken()).delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(second.validateStatus(pair.accessToken())).isEqualTo(401);
  }

  @Test
  void concurrentValidationsShareRedisRoundTripsYetEachGetsItsOwnSessionsAnswer() throws Exception {
    // revocation checks of validations in flight are pipelined together (RevocationChecks): no answer may
    // leak from one session to another, whatever the batches turn out to be
    int sessions = 24;
    List<TokenPairResponse> pairs = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "phone");
      pairs.add(pair);
      if (i % 3 == 0) {
        try (Response response = api.authorized("token").header("X-Refresh-Token", pair.refreshToken()).delete()) {
          assertThat(response.getStatus()).isEqualTo(200);
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      for (int round = 0; round < 5; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (TokenPairResponse pair : pairs) {
          statuses.add(pool.submit(() -> {
            start.await();
            return api.validateStatus(pair.accessToken());
          }));
        }
        start.countDown();
        for (int i = 0; i < sessions; i++) {
          assertThat(statuses.get(i).get()).as("round %d, session %d", round, i).isEqualTo(i % 3 == 0 ? 401 : 200);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aFlushedRedisIsRebuiltFromPostgresAndRevokedTokensStayRevoked() {
    TokenPairResponse revoked = api.issue(UUID.randomUUID(), "member", "phone");
    TokenPairResponse live = api.issue(UUID.randomUUID(), "member", "phone");
    try (Response response = api.authorized("token").header("X-Refresh-Token", revoked.refreshToken()).delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    try (Jedis jedis = new Jedis(STACK.infra().redisHost(), STACK.infra().redisPort())) {
      jedis.select(STACK.redisDatabase());
      assertThat(jedis.exists(RevocationBitmap.MARKER)).isTrue();
      jedis.flushDB();
    }
    assertThat(api.validateStatus(revoked.accessToken())).isEqualTo(401);
    assertThat(new ApiCalls(SECOND).validateStatus(revoked.accessToken())).isEqualTo(401);
    assertThat(api.validateStatus(live.accessToken())).isEqualTo(200);
  }

  @Test
  void attackTokensAreAllRefusedWith401() throws Exception {
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "phone");
    String[] parts = pair.accessToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    SigningKeyService.KeySet keys = serviceKeys().current();
    List<String> attacks = new ArrayList<>();
    attacks.add(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    JsonWebSignature hmac = new JsonWebSignature();
    hmac.setPayload(payload);
    hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    hmac.setKeyIdHeaderValue(keys.signingKid());
    hmac.setKey(new HmacKey(keys.verifiers().get(keys.signingKid()).getEncoded()));
    hmac.setDoKeyValidation(false);
    attacks.add(hmac.getCompactSerialization());
    attacks.add(parts[0] + "." + b64(payload.replace("\"member\"", "\"admin\"")) + "." + parts[2]);
    Instant now = Instant.now();
    attacks.add(sign(keys, claims(pair, now.minusSeconds(3600), "gau-authorization", "gau")));
    attacks.add(sign(keys, claims(pair, now.plusSeconds(3600), "gau-authorization", "gau")));
    attacks.add(sign(keys, claims(pair, now, "evil-issuer", "gau")));
    attacks.add(sign(keys, claims(pair, now, "gau-authorization", "other-audience")));
    EllipticCurveJsonWebKey stranger = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    stranger.setKeyId("unknown-kid");
    JsonWebSignature foreign = new JsonWebSignature();
    foreign.setPayload(payload);
    foreign.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    foreign.setKeyIdHeaderValue("unknown-kid");
    foreign.setKey(stranger.getPrivateKey());
    attacks.add(foreign.getCompactSerialization());
    attacks.add(parts[0] + "." + "A".repeat(10 * 1024) + "." + parts[2]);
    attacks.add("not-a-jwt");

    for (String attack : attacks) {
      try (Response response =
          api.validateRequest(null).header("Authorization", "Bearer " + attack).get()) {
        assertThat(response.getStatus()).as(attack.substring(0, Math.min(80, attack.length()))).isEqualTo(401);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
      }
    }
    // 100 KB never reaches the code: Jetty's HTTP parser refuses the header block
    String huge = parts[0] + "." + "A".repeat(100 * 1024) + "." + parts[2];
    try (Response response = api.validateRequest(null).header("Authorization", "Bearer " + huge).get()) {
      assertThat(response.getStatus()).isEqualTo(431);
    }
    assertThat(api.validateStatus(pair.accessToken())).isEqualTo(200);
  }

  @Test
  void validateIsServedOutsideJerseyWithThePrivateKeyCheckAndTheSameEnvelope() {
    TokenPairResponse pair = api.issue(UUID.randomUUID(), "member", "tablet");
    long before = APP.getEnvironment().metrics().timer("io.gau.authorization.resources.TokenResource.validate").getCount();
    try (Response response = api.target("token/validate").request()
        .header("Authorization", "Bearer " + pair.accessToken()).get()) {
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("private_key_required");
    }
    try (Response response = api.target("token/validate").request()
        .header("Private-Key", "wrong-" + AuthorizationStack.PRIVATE_KEY).header("Authorization", "Bearer " + pair.accessToken())
        .get()) {
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("private_key_invalid");
    }
    try (Response response = api.validateRequest(null).header("X-Request-Id", "trace-42").get()) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.getHeaderString("X-Request-Id")).isEqualTo("trace-42");
      JsonNode body = response.readEntity(JsonNode.class);
      assertThat(body.get("code").asText()).isEqualTo("token_required");
      assertThat(body.get("status").asInt()).isEqualTo(400);
    }
    assertThat(api.validateStatus(pair.accessToken())).isEqualTo(200);
    try (Response response = api.validateRequest(pair.accessToken()).post(Entity.json("{}"))) {
      assertThat(response.getStatus()).isEqualTo(405);
      assertThat(response.getHeaderString("Allow")).isEqualTo("GET");
      assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("method_not_allowed");
    }
    // the two keyless requests were refused by the guard in front of every route and never reached the
    // handler; its timer counted the other three, none of which reached a Jersey resource (the timer is
    // stopped after the response is written, so the client may see the last answer a moment earlier)
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(APP.getEnvironment().metrics()
                .timer("io.gau.authorization.resources.TokenResource.validate").getCount())
            .isEqualTo(before + 3));
    assertThat(TokenResource.class.getMethods()).noneMatch(m -> m.getName().equals("validate"));
  }

  @Test
  void badInputIsRefusedWithJsonAndStoresNothing() throws Exception {
    long before = sessionCount();
    String valid = "{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission\":\"member\"}";
    assertThat(api.issueStatus(valid, null)).isEqualTo(400);
    for (String body :
        List.of(
            "{",
            "[]",
            "",
            "{\"user_id\":\"nope\",\"permission\":\"x\"}",
            "{\"user_id\":\"00000000-0000-0000-0000-000000000000\",\"permission\":\"x\"}",
            "{\"user_id\":\"" + UUID.randomUUID() + "\"}",
            "{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission\":\"  \"}")) {
      assertThat(api.issueStatus(body, "phone")).as(body).isEqualTo(400);
    }
    String huge = "{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission\":\"" + "x".repeat(40_000) + "\"}";
    assertThat(api.issueStatus(huge, "phone")).isEqualTo(413);
    assertThat(sessionCount()).isEqualTo(before);
    try (Response response = api.authorized("token").header("X-Refresh-Token", "no-such-token").delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    try (Response response = APP.client().target(api.base()).path("token").request()
        .header("X-Device-ID", "d").post(Entity.json(valid))) {
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.readEntity(JsonNode.class).get("status").asInt()).isEqualTo(401);
    }
  }

  @Test
  void sessionsAreListedAndRevokedOnlyForTheirOwner() {
    UUID user = UUID.randomUUID();
    TokenPairResponse phone = api.issue(user, "member", "phone");
    TokenPairResponse laptop = api.issue(user, "member", "laptop");
    JsonNode sessions =
        APP.client().target(api.base()).path("sessions").queryParam("user_id", user).request()
            .header("Private-Key", AuthorizationStack.PRIVATE_KEY).get(JsonNode.class).get("sessions");
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(0).get("device_id").asText()).isEqualTo("laptop");

    try (Response response = api.sessionDelete(UUID.randomUUID(), phone.sessionId())) {
      assertThat(response.getStatus()).isEqualTo(404);
    }
    try (Response response = api.sessionDelete(user, phone.sessionId())) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(api.validateStatus(phone.accessToken())).isEqualTo(401);
    assertThat(api.validateStatus(laptop.accessToken())).isEqualTo(200);
    try (Response response = APP.client().target(api.base()).path("sessions").queryParam("user_id", user).request()
        .header("Private-Key", AuthorizationStack.PRIVATE_KEY).delete()) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(api.validateStatus(laptop.accessToken())).isEqualTo(401);
    try (Response response = APP.client().target(api.base()).path("sessions").queryParam("user_id", "nope").request()
        .header("Private-Key", AuthorizationStack.PRIVATE_KEY).get()) {
      assertThat(response.getStatus()).isEqualTo(400);
    }
  }

  @Test
  void rotatingTheSigningKeyKeepsOldTokensValidAndPublishesBothKeys() {
    TokenPairResponse before = api.issue(UUID.randomUUID(), "member", "phone");
    try (Response response = APP.client()
        .target("http://localhost:" + APP.getAdminPort() + "/tasks/rotate-signing-key").request().post(Entity.text(""))) {
      assertThat(response.getStatus()).isEqualTo(200);
    }
    TokenPairResponse after = api.issue(UUID.randomUUID(), "member", "phone");
    assertThat(kid(after.accessToken())).isNotEqualTo(kid(before.accessToken()));
    JsonNode jwks = APP.client().target("http://localhost:" + APP.getLocalPort() + "/.well-known/jwks.json")
        .request().get(JsonNode.class);
    List<String> kids = new ArrayList<>();
    jwks.get("keys").forEach(k -> kids.add(k.get("kid").asText()));
    assertThat(kids).contains(kid(before.accessToken()), kid(after.accessToken()));
    assertThat(jwks.toString()).doesNotContain("\"d\"");
    assertThat(api.validateStatus(before.accessToken())).isEqualTo(200);
    // the second instance learns the new kid on first sight (unknown kid → reload)
    assertThat(new ApiCalls(SECOND).validateStatus(after.accessToken())).isEqualTo(200);
  }

  private static String kid(String jwt) {
    String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
  }

  private static SigningKeyService serviceKeys() {
    Jdbi jdbi = Jdbi.create(STACK.database().jdbcUrl(), STACK.database().user(), STACK.database().password());
    jdbi.installPlugins();
    return new SigningKeyService(
        jdbi.onDemand(io.gau.authorization.db.SigningKeyDao.class),
        new SecretBox(AuthorizationStack.SIGNING_KEY_SECRET),
        InstantSource.system(),
        Duration.ZERO,
        Duration.ofHours(1));
  }

  private static JwtClaims claims(TokenPairResponse pair, Instant issuedAt, String issuer, String audience) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plusSeconds(60).getEpochSecond()));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setStringClaim("user_id", claims.getClaimValueAsString("sub"));
    claims.setStringClaim("permission", "member");
    claims.setStringClaim("jid", pair.sessionId());
    return claims;
  }

  private static String sign(SigningKeyService.KeySet keys, JwtClaims claims) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKeyIdHeaderValue(keys.signingKid());
    jws.setKey(keys.signingKey());
    return jws.getCompactSerialization();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static long sessionCount() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(STACK.database().jdbcUrl(), STACK.database().user(), STACK.database().password());
        ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM sessions")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
