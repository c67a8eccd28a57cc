package io.gau.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.cdn.support.TestCdnApplication;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(DropwizardExtensionsSupport.class)
class CdnIT {
  private static final GauInfra GAU = GauInfra.get();
  private static final Infra INFRA = GAU.infra();

  static final DropwizardAppExtension<CdnConfiguration> APP =
      new DropwizardAppExtension<>(
          TestCdnApplication.class,
          Path.of(System.getProperty("gau.root", ".."), "config/local/cdn.yml").toString(),
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"),
          ConfigOverride.config("storage.endpoint", INFRA.s3Endpoint()),
          ConfigOverride.config("redis.host", INFRA.redisHost()),
          ConfigOverride.config("redis.port", String.valueOf(INFRA.redisPort())),
          ConfigOverride.config("redis.database", String.valueOf(GAU.newRedisDatabase())));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String folder = GAU.uniqueName("cdn-it");

  @Test
  void imageComesBackByteIdenticalWithStrongEtagAndImmutableCaching() throws Exception {
    byte[] image = randomBytes(20_000);
    String hash = sha256(image);
    String key = put(folder + "/" + hash + ".png", "image/png", image);

    HttpResponse<byte[]> first = get("/images/" + key);
    HttpResponse<byte[]> second = get("/images/" + key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo(image);
    assertThat(header(first, "ETag")).isEqualTo("\"" + hash + "\"");
    assertThat(header(first, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(first, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(first, "Content-Type")).isEqualTo("image/png");
    assertThat(header(first, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(first, "Last-Modified")).endsWith("GMT");
    assertThat(header(first, "X-Cache")).isEqualTo("ORIGIN");
    assertThat(header(second, "X-Cache")).isEqualTo("L1");
    assertThat(second.body()).isEqualTo(image);
  }

  @Test
  void conditionalRangeAndHeadRequestsFollowHttpSemantics() throws Exception {
    byte[] body = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    String key = put(folder + "/plain.txt", "text/plain", body);
    String etag = header(get("/images/" + key), "ETag");
    String lastModified = header(get("/images/" + key), "Last-Modified");

    assertThat(get("/images/" + key, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get("/images/" + key, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
    assertThat(get("/images/" + key, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get("/images/" + key, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(header(get("/images/" + key), "Cache-Control")).isEqualTo("public, max-age=3600");

    HttpResponse<byte[]> partial = get("/images/" + key, "Range", "bytes=0-9");
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.body()).isEqualTo("0123456789".getBytes(StandardCharsets.US_ASCII));
    assertThat(header(partial, "Content-Range")).isEqualTo("bytes 0-9/20");
    assertThat(new String(get("/images/" + key, "Range", "bytes=-3").body(), StandardCharsets.US_ASCII)).isEqualTo("hij");

    HttpResponse<byte[]> unsatisfiable = get("/images/" + key, "Range", "bytes=50-60");
    assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    assertThat(header(unsatisfiable, "Content-Range")).isEqualTo("bytes */20");

    HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/images/" + key)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(header(head, "Content-Length")).isEqualTo("20");
    assertThat(header(head, "ETag")).isEqualTo(etag);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void downloadModeSendsAnRfc6266Filename() throws Exception {
    String key = put(folder + "/résumé \"final\".pdf", "application/pdf", new byte[] {1, 2, 3});

    HttpResponse<byte[]> response = get("/images/" + folder + "/r%C3%A9sum%C3%A9%20%22final%22.pdf?mode=download");

    assertThat(response.statusCode()).as(key).isEqualTo(200);
    assertThat(header(response, "Content-Disposition"))
        .isEqualTo("attachment; filename=\"r_sum_ _final_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf");
  }

  @Test
  void missingKeyIs404JsonRememberedUntilAnUploadInvalidatesIt() throws Exception {
    String key = folder + "/late.txt";
    HttpResponse<byte[]> missing = get("/images/" + key);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"status\":404", "\"code\":\"file_not_found\"");

    put(key, "text/plain", "arrived".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/images/" + key).statusCode()).as("404 is remembered").isEqualTo(404);

    try (Jedis jedis = new Jedis(INFRA.redisHost(), INFRA.redisPort())) {
      jedis.publish("gau:cdn:invalidate", "images/" + key);
    }
    Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> get("/images/" + key).statusCode() == 200);
  }

  @Test
  void traversalAndEncodedSlashesNeverReachAnotherBucket() throws Exception {
    GAU.s3().putObject(b -> b.bucket("files").key("secret.txt"), RequestBody.fromString("private"));
    for (String path : List.of(
        "/images/..%2f..%2fetc%2fpasswd",
        "/images/%2e%2e/%2e%2e/etc/passwd",
        "/images/..%2ffiles/secret.txt",
        "/images/%2e%2e/files/secret.txt",
        "/images/a/../../files/secret.txt",
        "/images/a%5c..%5cfiles",
        "/files/secret.txt",
        "/images/")) {
      HttpResponse<byte[]> response = raw(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("private");
    }
    assertThat(new String(raw("/files/secret.txt").body(), StandardCharsets.UTF_8)).contains("\"status\":404");
    assertThat(new String(raw("/images/..%2ffiles/secret.txt").body(), StandardCharsets.UTF_8)).contains("\"status\":400");
  }

  @Test
  void redisDownStillServesFromL1AndStorage() throws Exception {
    String cached = put(folder + "/cached.txt", "text/plain", "in l1".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/images/" + cached).statusCode()).isEqualTo(200);
    String fresh = put(folder + "/fresh.txt", "text/plain", "from storage".getBytes(StandardCharsets.UTF_8));
    GAU.stopRedis();
    try {
      assertThat(new String(get("/images/" + cached).body(), StandardCharsets.UTF_8)).isEqualTo("in l1");
      assertThat(new String(get("/images/" + fresh).body(), StandardCharsets.UTF_8)).isEqualTo("from storage");
    } finally {
      GAU.startRedis();
    }
  }

  @Test
  void storageDownIs503WithRetryAfterAndUnhealthyButCachedCopiesStillServe() throws Exception {
    String cached = put(folder + "/kept.txt", "text/plain", "kept".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/images/" + cached).statusCode()).isEqualTo(200);
    GAU.stopS3();
    try {
      HttpResponse<byte[]> down = get("/images/" + folder + "/never-seen.txt");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(header(down, "Retry-After")).isEqualTo("5");
      assertThat(get("/images/" + cached).statusCode()).isEqualTo(200);
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(500);
      assertThat(health.body()).contains("object-storage");
    } finally {
      GAU.startS3();
    }
  }

  @Test
  void corsAllowsGetFromConfiguredOrigins() throws Exception {
    String key = put(folder + "/cors.txt", "text/plain", new byte[] {1});
    HttpResponse<byte[]> response = get("/images/" + key, "Origin", "https://app.example");
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(response, "Access-Control-Expose-Headers")).contains("ETag");
  }

  private static String put(String key, String type, byte[] body) {
    GAU.s3().putObject(b -> b.bucket("images").key(key).contentType(type), RequestBody.fromBytes(body));
    return key;
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends the path exactly as written (HttpClient would normalise dot segments). */
  private static HttpResponse<byte[]> raw(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      return new RawResponse(status, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
  }

  private static byte[] randomBytes(int n) {
    byte[] data = new byte[n];
    new Random(n).nextBytes(data);
    return data;
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** The two parts of a raw HTTP answer that the traversal test looks at. */
  private record RawResponse(int statusCode, byte[] body) implements HttpResponse<byte[]> {
    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public URI uri() {
      return null;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
