package io.gau.account.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A local stand-in for Google's endpoints, started once per JVM: the certificates (JWKS) URL with one
 * RSA key generated here, tokeninfo and userinfo for access tokens registered by a test, and a picture
 * URL that counts its requests. ID tokens are signed with jose4j like Google's RS256 tokens.
 */
public final class FakeGoogle {
  public static final String ISSUER = "https://accounts.google.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeGoogle instance;

  private final HttpServer server;
  private final RsaJsonWebKey key;
  private final Map<String, Map<String, Object>> tokeninfo = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> userinfo = new ConcurrentHashMap<>();
  private final AtomicInteger pictureRequests = new AtomicInteger();

  public static synchronized FakeGoogle get() {
    if (instance == null) {
      try {
        instance = new FakeGoogle();
      } catch (Exception e) {
        throw new IllegalStateException("fake Google did not start", e);
      }
    }
    return instance;
  }

  private FakeGoogle() throws Exception {
    key = newKey("fake-google-1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth2/v3/certs", exchange -> {
      String body = new JsonWebKeySet(List.<JsonWebKey>of(key)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      send(exchange, 200, "application/json", body.getBytes());
    });
    server.createContext("/tokeninfo", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      String token = query != null && query.startsWith("access_token=") ? query.substring("access_token=".length()) : "";
      Map<String, Object> info = tokeninfo.get(token);
      sendJson(exchange, info == null ? 400 : 200, info == null ? Map.of("error", "invalid_token") : info);
    });
    server.createContext("/oauth2/v3/userinfo", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, Object> info = auth == null ? null : userinfo.get(auth.replaceFirst("^Bearer ", ""));
      sendJson(exchange, info == null ? 401 : 200, info == null ? Map.of("error", "invalid_token") : info);
    });
    server.createContext("/picture", exchange -> {
      pictureRequests.incrementAndGet();
      send(exchange, 500, "text/plain", "broken".getBytes());
    });
    server.start();
  }

  /** A fresh RSA key with that key id, as a signer of forged tokens would have. */
  public static RsaJsonWebKey newKey(String kid) {
    try {
      RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
      k.setKeyId(kid);
      k.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      return k;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String certificatesUrl() {
    return base() + "/oauth2/v3/certs";
  }

  public String tokeninfoUrl() {
    return base() + "/tokeninfo";
  }

  public String userinfoUrl() {
    return base() + "/oauth2/v3/userinfo";
  }

  /** A picture URL on the fake (plain http, loopback: it must never be fetched by the service). */
  public String pictureUrl() {
    return base() + "/picture/me.png";
  }

  public int pictureRequests() {
    return pictureRequests.get();
  }

  /** The port of this fake, for URLs that point at it under another scheme or name. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** ID-token claims as Google issues them: iss, aud, sub, email, email_verified, name, iat, exp (in 1 h). */
  public static JwtClaims idClaims(String audience, String subject, String email, boolean emailVerified) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(audience);
    claims.setSubject(subject);
    claims.setClaim("azp", audience);
    claims.setClaim("email", email);
    claims.setClaim("email_verified", emailVerified);
    claims.setClaim("name", "Google Tester");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(60);
    return claims;
  }

  /** The claims signed with the published key. */
  public String sign(JwtClaims claims) {
    return sign(claims, key);
  }

  /** The claims signed with {@code signer} (a key Google never published: a forgery). */
  public static String sign(JwtClaims claims, RsaJsonWebKey signer) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signer.getPrivateKey());
    jws.setKeyIdHeaderValue(signer.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers an OAuth access token: what tokeninfo says about it and what userinfo answers for it. */
  public void accessToken(String token, Map<String, Object> info, Map<String, Object> profile) {
    tokeninfo.put(token, info);
    userinfo.put(token, profile);
  }

  /** The key id the fake publishes (a forged token reusing it must still fail). */
  public String keyId() {
    return key.getKeyId();
  }

  private static void sendJson(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
