package io.gau.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import io.gau.devstack.testing.InternalApiProbe;
import io.gau.upload.support.Multipart;
import io.gau.upload.support.TestImages;
import io.gau.upload.support.TestUploadApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

@ExtendWith(DropwizardExtensionsSupport.class)
class UploadIT {
  private static final GauInfra GAU = GauInfra.get();
  private static final Infra INFRA = GAU.infra();
  private static final String KEY = "it-private-key-0123456789-0123456789-abcdef";
  /** What account sends to authorization: a key of another service, worthless here. */
  private static final String AUTHORIZATION_KEY = "it-account-to-authorization-key-0123456789";
  private static final int REDIS_DB = GAU.newRedisDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();

  static final DropwizardAppExtension<UploadConfiguration> APP =
      new DropwizardAppExtension<>(
          TestUploadApplication.class,
          Path.of(System.getProperty("gau.root", ".."), "config/local/upload.yml").toString(),
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"),
          ConfigOverride.config("internalCallers.account", KEY),
          ConfigOverride.config("storage.endpoint", INFRA.s3Endpoint()),
          ConfigOverride.config("redis.host", INFRA.redisHost()),
          ConfigOverride.config("redis.port", String.valueOf(INFRA.redisPort())),
          ConfigOverride.config("redis.database", String.valueOf(REDIS_DB)),
          ConfigOverride.config("cdn.baseUrl", "https://cdn.example.test"),
          ConfigOverride.config("files.maxSize", "8MiB"));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String folder = GAU.uniqueName("it");

  @Test
  void uploadedPngIsContentAddressedAndLosesItsTextChunk() throws Exception {
    byte[] png = TestImages.pngWithText(64, 48, "GPS-SECRET-42");
    HttpResponse<String> response = uploadImage(png, "image/png", folder);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    String key = body.get("file_path").asText();
    assertThat(key).matches(folder + "/[0-9a-f]{64}\\.png");
    assertThat(body.get("url").asText()).isEqualTo("https://cdn.example.test/images/" + key);
    assertThat(body.get("width").asInt()).isEqualTo(64);
    assertThat(body.get("height").asInt()).isEqualTo(48);
    assertThat(body.get("content_type").asText()).isEqualTo("image/png");

    byte[] stored = GAU.s3().getObjectAsBytes(b -> b.bucket("images").key(key)).asByteArray();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS-SECRET-42");
    assertThat(stored.length).isEqualTo(png.length - 12 - "Comment\0GPS-SECRET-42".length());
    assertThat(body.get("file_hash").asText()).isEqualTo(key.substring(folder.length() + 1, key.length() - 4));

    JsonNode again = JSON.readTree(uploadImage(png, "image/png", folder).body());
    assertThat(again.get("file_path").asText()).isEqualTo(key);
    assertThat(again.get("duplicated").asBoolean()).isTrue();
  }

  @Test
  void validPngOverTheSizeLimitIs413AndNothingIsStored() throws Exception {
    HttpResponse<String> response = uploadImage(TestImages.bigPng(6 * 1024 * 1024), "image/png", folder);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("payload_too_large");
    assertThat(GAU.s3().listObjectsV2(b -> b.bucket("images").prefix(folder + "/")).contents()).isEmpty();
  }

  @Test
  void textDeclaredAsPngIsRefusedByItsMagicBytes() throws Exception {
    HttpResponse<String> response = uploadImage("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png", folder);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("\"code\":\"unsupported_image_type\"");
  }

  @Test
  void pixelBombIsRefusedFromItsHeaderWith422() throws Exception {
    HttpResponse<String> response = uploadImage(TestImages.pngHeaderOnly(60_000, 60_000), "image/png", folder);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("\"code\":\"image_too_large\"");
  }

  @Test
  void folderThatClimbsOutIsRefused() throws Exception {
    for (String bad : List.of("../etc", "avatar/../../x", "/abs", "a\\b", "a//b")) {
      HttpResponse<String> response = uploadImage(TestImages.png(4, 4), "image/png", bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.body()).contains("invalid_path");
    }
  }

  @Test
  void callsWithoutThePrivateKeyAreRefused() throws Exception {
    Multipart form = new Multipart().file("file", "a.png", "image/png", TestImages.png(4, 4)).field("file_path", folder);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v2/upload/image"))
                .header("Content-Type", form.contentType())
                .method("PATCH", form.publisher())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void fileRoundTripsThroughUploadListDownloadAndDelete() throws Exception {
    byte[] data = "hello, gau".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded = uploadFile("files", folder, "notes v1.txt", "text/plain", data, "false");
    assertThat(uploaded.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(uploaded.body());
    String key = body.get("file_path").asText();
    assertThat(key).isEqualTo(folder + "/notes_v1.txt");
    assertThat(body.get("size").asLong()).isEqualTo(data.length);

    HttpResponse<byte[]> downloaded = send("GET", "/api/v2/upload/file?bucket=files&file_path=" + enc(key), byte[].class);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(data);
    assertThat(downloaded.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));

    JsonNode listed = JSON.readTree(send("GET", "/api/v2/upload/files/list?bucket=files&prefix=" + enc(folder), String.class).body());
    assertThat(listed.get("files")).hasSize(1);
    assertThat(listed.get("files").get(0).asText()).isEqualTo(key);

    assertThat(send("DELETE", "/api/v2/upload/file?bucket=files&file_path=" + enc(key), String.class).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v2/upload/file?bucket=files&file_path=" + enc(key), String.class).statusCode()).isEqualTo(404);
    JsonNode empty = JSON.readTree(send("GET", "/api/v2/upload/files/list?bucket=files&prefix=" + enc(folder), String.class).body());
    assertThat(empty.get("files").isArray()).isTrue();
    assertThat(empty.get("files")).isEmpty();
    assertThat(empty.has("next_continuation_token")).isTrue();
  }

  @Test
  void sameContentUploadedTwiceUnderItsHashIsStoredOnce() throws Exception {
    byte[] data = new byte[300_000];
    new java.util.Random(7).nextBytes(data);
    JsonNode first = JSON.readTree(uploadFile("files", folder, "blob.bin", "application/octet-stream", data, "true").body());
    JsonNode second = JSON.readTree(uploadFile("files", folder, "blob.bin", "application/octet-stream", data, "true").body());

    assertThat(first.get("duplicated").asBoolean()).isFalse();
    assertThat(second.get("duplicated").asBoolean()).isTrue();
    assertThat(second.get("file_path").asText()).isEqualTo(first.get("file_path").asText()).endsWith(".bin");
  }

  @Test
  void bucketsOffTheAllowListAreRefusedAndNeverCreated() throws Exception {
    HttpResponse<String> response = uploadFile("metadata", "", "a.txt", "text/plain", new byte[] {1}, "true");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("bucket_not_allowed");
    assertThat(send("GET", "/api/v2/upload/files/list?bucket=metadata", String.class).statusCode()).isEqualTo(403);
    assertThat(GAU.s3().listBuckets().buckets()).noneMatch(b -> b.name().equals("metadata"));
  }

  @Test
  void traversalInFileApiPathsIsRefused() throws Exception {
    assertThat(uploadFile("files", "a/../../b", "a.txt", "text/plain", new byte[] {1}, "true").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/api/v2/upload/file?bucket=files&file_path=" + enc("../images/x"), String.class).statusCode())
        .isEqualTo(400);
    assertThat(send("DELETE", "/api/v2/upload/file?bucket=files&file_path=" + enc("a/\u0000"), String.class).statusCode())
        .isEqualTo(400);
  }

  @Test
  void fileOverTheLimitIs413BeforeItsBodyIsSentAndNothingIsStored() throws Exception {
    // as curl does for large bodies: headers with "Expect: 100-continue", the body only after "100 Continue".
    // 16 MiB declared: over files.maxSize (8 MiB) plus the multipart allowance, refused from Content-Length
    // alone, so the body is never sent and the 413 cannot be lost to a connection reset.
    // (Written on a socket: JDK 17's HttpClient hangs when an expect-continue request gets a final answer.)
    URI api = uri("/api/v2/upload/file");
    try (Socket socket = new Socket(api.getHost(), api.getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST " + api.getPath() + " HTTP/1.1\r\nHost: " + api.getAuthority() + "\r\nPrivate-Key: " + KEY
          + "\r\nContent-Type: multipart/form-data; boundary=gau\r\nContent-Length: " + (16 * 1024 * 1024)
          + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 413");
    }
    assertThat(GAU.s3().listObjectsV2(b -> b.bucket("files").prefix(folder + "/")).contents()).isEmpty();
  }

  @Test
  void deletingPublishesAnInvalidationAndDropsTheCdnCopy() throws Exception {
    byte[] data = "cached".getBytes(StandardCharsets.UTF_8);
    String key = JSON.readTree(uploadFile("files", folder, "c.txt", "text/plain", data, "false").body()).get("file_path").asText();
    String cacheKey = "gau:cdn:obj:files/" + key;
    List<String> messages = new CopyOnWriteArrayList<>();
    JedisPubSub subscriber = new JedisPubSub() {
      @Override
      public void onMessage(String channel, String message) {
        messages.add(message);
      }
    };
    Thread listener = new Thread(() -> {
      try (Jedis jedis = new Jedis(INFRA.redisHost(), INFRA.redisPort())) {
        jedis.subscribe(subscriber, "gau:cdn:invalidate");
      }
    });
    listener.start();
    try (Jedis jedis = new Jedis(INFRA.redisHost(), INFRA.redisPort())) {
      jedis.select(REDIS_DB);
      jedis.set(cacheKey, "stale copy");
      org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(subscriber::isSubscribed);

      send("DELETE", "/api/v2/upload/file?bucket=files&file_path=" + enc(key), String.class);

      org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> messages.contains("files/" + key));
      assertThat(jedis.exists(cacheKey)).isFalse();
    } finally {
      subscriber.unsubscribe();
      listener.join(5000);
    }
  }

  /** Every route of the internal API, each call as it succeeds with a key (a new file where one is needed). */
  private List<Supplier<InternalApiProbe.Call>> routes() {
    String prefix = "/api/v2/upload";
    return List.of(
        () -> {
          Multipart form = new Multipart().file("file", "a.png", "image/png", TestImages.png(8, 8))
              .field("file_path", folder);
          return new InternalApiProbe.Call("PATCH", prefix + "/image", "", Map.of("Content-Type", form.contentType()),
              form.bytes());
        },
        () -> {
          Multipart form = new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
              .field("bucket", "files").field("path", folder).field("is_hash", "true");
          return new InternalApiProbe.Call("POST", prefix + "/file", "", Map.of("Content-Type", form.contentType()),
              form.bytes());
        },
        () -> InternalApiProbe.Call.of("GET", prefix + "/file", "?bucket=files&file_path=" + storedFile(), Map.of(), null),
        () -> InternalApiProbe.Call.of("DELETE", prefix + "/file", "?bucket=files&file_path=" + storedFile(), Map.of(),
            null),
        () -> InternalApiProbe.Call.of("GET", prefix + "/files/list", "?bucket=files", Map.of(), null),
        () -> InternalApiProbe.Call.of("GET", prefix + "/health", "", Map.of(), null));
  }

  private String storedFile() {
    String key = folder + "/probe-" + UUID.randomUUID() + ".txt";
    GAU.s3().putObject(b -> b.bucket("files").key(key), RequestBody.fromString("probe"));
    return key;
  }

  @Test
  void everyRouteAnswersItsCallerAndNobodyElse() {
    InternalApiProbe probe = new InternalApiProbe("127.0.0.1", APP.getLocalPort());
    assertThat(probe.keyProblems(routes(), KEY, AUTHORIZATION_KEY)).isEmpty();
  }

  @Test
  void noPathSpellingReachesARoute() {
    InternalApiProbe.Findings findings =
        new InternalApiProbe("127.0.0.1", APP.getLocalPort()).pathTricks(routes(), KEY);
    assertThat(findings.tried()).isGreaterThan(routes().size() * 80);
    assertThat(findings.notRefused()).as("path spellings not refused (%d tried)", findings.tried()).isEmpty();
  }

  private HttpResponse<String> uploadImage(byte[] data, String type, String filePath) throws Exception {
    Multipart form = new Multipart().file("file", "a.png", type, data).field("file_path", filePath);
    return http.send(
        HttpRequest.newBuilder(uri("/api/v2/upload/image"))
            .header("Private-Key", KEY)
            .header("Content-Type", form.contentType())
            .method("PATCH", form.publisher())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> uploadFile(String bucket, String path, String name, String type, byte[] data, String isHash)
      throws Exception {
    Multipart form = new Multipart().file("file", name, type, data).field("bucket", bucket).field("path", path).field("is_hash", isHash);
    return http.send(
        HttpRequest.newBuilder(uri("/api/v2/upload/file"))
            .header("Private-Key", KEY)
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private <T> HttpResponse<T> send(String method, String path, Class<T> type) throws Exception {
    HttpResponse.BodyHandler<?> handler =
        type == byte[].class ? HttpResponse.BodyHandlers.ofByteArray() : HttpResponse.BodyHandlers.ofString();
    return (HttpResponse<T>)
        http.send(
            HttpRequest.newBuilder(uri(path)).header("Private-Key", KEY).method(method, HttpRequest.BodyPublishers.noBody()).build(),
            handler);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
