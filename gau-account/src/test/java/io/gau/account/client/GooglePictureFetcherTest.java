package io.gau.account.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture download refuses everything but small https pictures on allow-listed hosts (SSRF). */
class GooglePictureFetcherTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final byte[] PICTURE = "\u0089PNG fake picture bytes".getBytes();
  private static final AtomicInteger HITS = new AtomicInteger();
  private static HttpsServer https;
  private static HttpServer plain;
  private static SSLContext tls;

  @BeforeAll
  static void startServers(@TempDir Path dir) throws Exception {
    // a self-signed certificate for "localhost", trusted only by the client under test
    Path store = dir.resolve("localhost.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    tls = SSLContext.getInstance("TLS");
    tls.init(km.getKeyManagers(), tm.getTrustManagers(), null);

    https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.createContext("/me.png", exchange -> {
      HITS.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "image/png");
      exchange.sendResponseHeaders(200, PICTURE.length);
      exchange.getResponseBody().write(PICTURE);
      exchange.close();
    });
    https.createContext("/big.png", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
      for (int i = 0; i < 64; i++) {
        exchange.getResponseBody().write(new byte[1024]);
      }
      exchange.close();
    });
    https.createContext("/slow.png", exchange -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, PICTURE.length);
      exchange.getResponseBody().write(PICTURE);
      exchange.close();
    });
    https.createContext("/same-host-redirect", exchange -> {
      exchange.getResponseHeaders().add("Location", "/me.png");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    https.createContext("/other-host-redirect", exchange -> {
      exchange.getResponseHeaders().add("Location", "https://127.0.0.1:" + port() + "/me.png");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    https.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    https.start();
    plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    plain.createContext("/me.png", exchange -> {
      HITS.incrementAndGet();
      exchange.sendResponseHeaders(200, PICTURE.length);
      exchange.getResponseBody().write(PICTURE);
      exchange.close();
    });
    plain.start();
  }

  @AfterAll
  static void stopServers() {
    https.stop(0);
    plain.stop(0);
  }

  private static int port() {
    return https.getAddress().getPort();
  }

  private static GooglePictureFetcher fetcher(List<String> hosts) {
    Duration timeout = Duration.ofMillis(500);
    return new GooglePictureFetcher(GooglePictureFetcher.newHttpClient(timeout, tls), hosts, timeout, 4096);
  }

  @Test
  void anHttpsPictureOnAnAllowedHostIsDownloaded() {
    assertThat(fetcher(List.of("localhost")).fetch("https://localhost:" + port() + "/me.png")).hasValue(PICTURE);
  }

  @Test
  void plainHttpIpLiteralsAndHostsOffTheListAreNeverContacted() {
    int before = HITS.get();
    GooglePictureFetcher fetcher = fetcher(List.of("localhost", "*.googleusercontent.com"));
    assertThat(fetcher.fetch("http://localhost:" + plain.getAddress().getPort() + "/me.png")).isEmpty();
    assertThat(fetcher.fetch("https://127.0.0.1:" + port() + "/me.png")).isEmpty();
    assertThat(fetcher.fetch("https://user@localhost:" + port() + "/me.png")).isEmpty();
    assertThat(fetcher.fetch("file:///etc/passwd")).isEmpty();
    assertThat(fetcher.fetch("not a url")).isEmpty();
    assertThat(fetcher(List.of("*.googleusercontent.com")).fetch("https://localhost:" + port() + "/me.png")).isEmpty();
    assertThat(HITS.get()).isEqualTo(before);
  }

  @Test
  void aWildcardMatchesSubdomainsOnlyNotLookalikes() {
    GooglePictureFetcher fetcher = fetcher(List.of("*.googleusercontent.com"));
    assertThat(fetcher.allowed(URI.create("https://lh3.googleusercontent.com/a/pic"))).isTrue();
    assertThat(fetcher.allowed(URI.create("https://LH3.GoogleUserContent.com/a/pic"))).isTrue();
    assertThat(fetcher.allowed(URI.create("https://googleusercontent.com/a/pic"))).isFalse();
    assertThat(fetcher.allowed(URI.create("https://evilgoogleusercontent.com/a"))).isFalse();
    assertThat(fetcher.allowed(URI.create("https://lh3.googleusercontent.com.evil.example/a"))).isFalse();
    assertThat(fetcher.allowed(URI.create("http://lh3.googleusercontent.com/a"))).isFalse();
  }

  @Test
  void aRedirectIsFollowedOnlyToTheSameHost() {
    int before = HITS.get();
    GooglePictureFetcher fetcher = fetcher(List.of("localhost", "127.0.0.1"));
    assertThat(fetcher.fetch("https://localhost:" + port() + "/other-host-redirect")).isEmpty();
    assertThat(HITS.get()).as("the other host was never asked").isEqualTo(before);
    assertThat(fetcher.fetch("https://localhost:" + port() + "/same-host-redirect")).hasValue(PICTURE);
  }

  @Test
  void aPictureOverTheSizeCapIsDropped() {
    assertThat(fetcher(List.of("localhost")).fetch("https://localhost:" + port() + "/big.png")).isEmpty();
  }

  @Test
  void aServerThatDoesNotAnswerInTimeYieldsNothing() {
    long started = System.nanoTime();
    assertThat(fetcher(List.of("localhost")).fetch("https://localhost:" + port() + "/slow.png")).isEmpty();
    // bounded by the 500 ms deadline, not by the server's 5 s
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }
}
