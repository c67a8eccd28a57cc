package io.gau.account.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests: JSON in, status + JSON (or text) out, like a client app. */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Http(String base) {
    this.base = base;
  }

  /** An answer: status, headers, raw body, and the body as JSON when it is JSON. */
  public record Answer(int status, java.net.http.HttpHeaders headers, String text) {
    public JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (Exception e) {
        throw new AssertionError("not JSON (" + status + "): " + text);
      }
    }

    public List<String> cookies() {
      return headers.allValues("Set-Cookie");
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  public Answer get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public Answer post(String path, Object body, String... headers) {
    return send("POST", path, body, "application/json", headers);
  }

  public Answer put(String path, Object body, String... headers) {
    return send("PUT", path, body, "application/json", headers);
  }

  public Answer delete(String path, Object body, String... headers) {
    return send("DELETE", path, body, "application/json", headers);
  }

  /** Sends {@code body} as JSON (a Map or record), or as-is when it is a String or byte[] with {@code type}. */
  public Answer send(String method, String path, Object body, String type, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
          .timeout(Duration.ofSeconds(30));
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      HttpRequest.BodyPublisher publisher;
      if (body == null) {
        publisher = HttpRequest.BodyPublishers.noBody();
      } else if (body instanceof byte[] bytes) {
        publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
      } else if (body instanceof String s) {
        publisher = HttpRequest.BodyPublishers.ofString(s);
      } else {
        publisher = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
      }
      if (body != null && type != null) {
        request.header("Content-Type", type);
      }
      HttpResponse<byte[]> response = CLIENT.send(request.method(method, publisher).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  /**
   * POSTs JSON over a socket bound to {@code localAddress} (e.g. 127.0.0.2), so that the service sees
   * another client IP; the JDK client cannot choose its source address.
   */
  public Answer postFrom(String localAddress, String path, Object body, String... headers) {
    URI uri = URI.create(base + path);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.bind(new java.net.InetSocketAddress(localAddress, 0));
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
      socket.setSoTimeout(30_000);
      byte[] json = JSON.writeValueAsBytes(body);
      StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
          + uri.getPort() + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
          + json.length + "\r\n");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(json);
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, split).split("\r\n");
      Map<String, List<String>> fields = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        fields.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      String text = raw.substring(split + 4);
      if (fields.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
        text = dechunk(text);
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), java.net.http.HttpHeaders.of(fields, (a, b) -> true), text);
    } catch (Exception e) {
      throw new AssertionError("POST " + path + " from " + localAddress + " failed: " + e, e);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  public static Map<String, Object> map(Object... keyValues) {
    java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
