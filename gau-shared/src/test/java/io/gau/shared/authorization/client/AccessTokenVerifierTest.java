package io.gau.shared.authorization.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.errors.ApiException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final List<EllipticCurveJsonWebKey> published = new ArrayList<>();
  final AtomicInteger fetches = new AtomicInteger();
  HttpServer jwksServer;
  AccessTokenVerifier verifier;

  @BeforeEach
  void serveJwks() throws Exception {
    published.add(newKey("k1"));
    jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwksServer.createContext("/.well-known/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
          .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwksServer.start();
    String url = "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
    HttpsJwks jwks = new HttpsJwks(url);
    jwks.setRefreshReprieveThreshold(0); // production keeps a reprieve so junk kids cannot cause a fetch storm
    verifier = new AccessTokenVerifier(
        new HttpsJwksVerificationKeyResolver(jwks), "gau-authorization", "gau",
        Duration.ofSeconds(30), InstantSource.fixed(NOW));
  }

  @AfterEach
  void stop() {
    jwksServer.stop(0);
  }

  @Test
  void aTokenSignedByAPublishedKeyYieldsItsClaims() throws Exception {
    String token = sign(published.get(0), claims(NOW, "gau-authorization", "gau"));
    AccessTokenClaims claims = verifier.verify(token);
    assertThat(claims.sessionId()).isEqualTo("42");
    assertThat(claims.permission()).isEqualTo("member");
    assertThat(claims.userId()).isEqualTo(claims.subject());
    assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(900).getEpochSecond());
  }

  @Test
  void aRotatedInKeyIsFetchedWhenItsKidIsFirstSeen() throws Exception {
    verifier.verify(sign(published.get(0), claims(NOW, "gau-authorization", "gau")));
    int before = fetches.get();
    EllipticCurveJsonWebKey next = newKey("k2");
    published.add(next);
    assertThat(verifier.verify(sign(next, claims(NOW, "gau-authorization", "gau"))).sessionId()).isEqualTo("42");
    assertThat(fetches.get()).isGreaterThan(before);
  }

  @Test
  void forgedExpiredAndForeignTokensAreRefused() throws Exception {
    EllipticCurveJsonWebKey signer = published.get(0);
    String good = sign(signer, claims(NOW, "gau-authorization", "gau"));
    String[] parts = good.split("\\.");
    JsonWebSignature hmac = new JsonWebSignature();
    hmac.setPayload(claims(NOW, "gau-authorization", "gau").toJson());
    hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    hmac.setKeyIdHeaderValue("k1");
    hmac.setKey(new HmacKey(signer.getPublicKey().getEncoded()));
    hmac.setDoKeyValidation(false);
    EllipticCurveJsonWebKey stranger = newKey("k1");
    List<String> refused = List.of(
        b64("{\"alg\":\"none\"}") + "." + parts[1] + ".",
        hmac.getCompactSerialization(),
        sign(signer, claims(NOW.minusSeconds(3600), "gau-authorization", "gau")),
        sign(signer, claims(NOW.plusSeconds(3600), "gau-authorization", "gau")),
        sign(signer, claims(NOW, "someone-else", "gau")),
        sign(signer, claims(NOW, "gau-authorization", "other")),
        sign(stranger, claims(NOW, "gau-authorization", "gau")),
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2],
        "A".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS + 1));
    for (String token : refused) {
      assertThatThrownBy(() -> verifier.verify(token))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  private static EllipticCurveJsonWebKey newKey(String kid) throws Exception {
    EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    key.setKeyId(kid);
    return key;
  }

  private static JwtClaims claims(Instant issuedAt, String issuer, String audience) {
    JwtClaims claims = new JwtClaims();
    String user = UUID.randomUUID().toString();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject(user);
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plusSeconds(900).getEpochSecond()));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setStringClaim("user_id", user);
    claims.setStringClaim("permission", "member");
    claims.setStringClaim("jid", "42");
    return claims;
  }

  private static String sign(EllipticCurveJsonWebKey key, JwtClaims claims) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setKey(key.getPrivateKey());
    return jws.getCompactSerialization();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
