package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Oversized, streamed, gzip-inflated and over-nested bodies on the public API, sent as an attacker would:
 * each gets a 4xx JSON envelope before the body is built in memory, never a 500.
 */
class RequestLimitsIT {
  private static final AccountStack STACK = AccountStack.get();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final Http http = new Http(STACK.api());
  private final long maxBody = STACK.config().maxRequestSize.toBytes();

  @Test
  void aBodyOverTheLimitIs413ByDeclaredLengthAndWhileItStreams() throws Exception {
    // valid JSON of short strings, padded with whitespace: only the size limit can refuse it
    byte[] big = ("{\"email\":\"a@example.com\"," + " ".repeat((int) maxBody) + "\"password\":\"p\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertEnvelope(send(HttpRequest.BodyPublishers.ofByteArray(big), null), 413);
    // no Content-Length: the JDK client streams an InputStream publisher chunked
    assertEnvelope(send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), null), 413);
  }

  @Test
  void aSmallGzipBodyThatInflatesPastTheLimitIs413() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write("{\"email\":\"a@example.com\",".getBytes(StandardCharsets.UTF_8));
      gzip.write(" ".repeat((int) maxBody * 16).getBytes(StandardCharsets.UTF_8));
      gzip.write("\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(zipped.size()).as("the bomb itself is small").isLessThan((int) maxBody / 8);
    assertEnvelope(send(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()), "gzip"), 413);
  }

  @Test
  void overNestedAndOverLongJsonIsRefusedWhileParsing() throws Exception {
    String nested = "{\"email\":\"a@example.com\",\"x\":" + "[".repeat(200) + "]".repeat(200)
        + ",\"password\":\"p\"}";
    assertEnvelope(send(HttpRequest.BodyPublishers.ofString(nested), null), 400);
    String longString = "{\"email\":\"" + "a".repeat((int) STACK.config().maxJsonString.toBytes() + 1)
        + "@example.com\",\"password\":\"p\"}";
    assertEnvelope(send(HttpRequest.BodyPublishers.ofString(longString), null), 400);
  }

  @Test
  void theAvatarRouteTakesImagesLargerThanTheJsonLimitButNotLargerThanAnAvatar() throws Exception {
    String email = "limits-" + UUID.randomUUID() + "@example.com";
    String password = "Correct-Horse-" + UUID.randomUUID();
    assertThat(http.post("/basic/register", map("password", password, "email", email)).status()).isEqualTo(200);
    Http.Answer login = http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", "limits");
    String[] auth = {"Authorization", "Bearer " + login.json().get("access_token").asText()};

    byte[] noise = noisePng();
    assertThat((long) noise.length).isGreaterThan(maxBody);
    String boundary = "b" + UUID.randomUUID();
    Http.Answer accepted = http.send("PATCH", "/profile/avatar", AccountJourneyIT.multipart(boundary, noise),
        "multipart/form-data; boundary=" + boundary, auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

    byte[] huge = new byte[(int) STACK.config().avatarMaxSize.toBytes() + 200 * 1024];
    // as a well-behaved client sends a large upload (Expect: 100-continue): the 413 comes before the body
    String refused = headersOnly("PATCH", "/profile/avatar", huge.length + 1024,
        "Content-Type: multipart/form-data; boundary=" + boundary, auth[0] + ": " + auth[1], "Expect: 100-continue");
    assertThat(refused).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
  }

  /** Sends only the head of a request and answers what the server says before any body byte arrives. */
  private static String headersOnly(String method, String path, long contentLength, String... headers) throws Exception {
    URI uri = URI.create(STACK.api() + path);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
          + "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body, String encoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(STACK.api() + "/basic/login"))
        .header("Content-Type", "application/json").header("X-Device-ID", "limits").POST(body);
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertEnvelope(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isNotBlank();
    assertThat(body.get("code").asText()).isEqualTo(status == 413 ? "payload_too_large" : "json_limit_exceeded");
  }

  private static byte[] noisePng() throws Exception {
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int x = 0; x < 256; x++) {
      for (int y = 0; y < 256; y++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
