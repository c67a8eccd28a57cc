package io.gau.account.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the {@code picture} of a Google profile without becoming an SSRF vector: the URL comes
 * from a token, so only {@code https://} URLs on allow-listed hosts are fetched (e.g.
 * {@code *.googleusercontent.com}), redirects are followed only to the same host (also https), the
 * whole exchange has a deadline and the body a size cap. Any failure is an empty result.
 */
public class GooglePictureFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(GooglePictureFetcher.class);
  private static final int MAX_REDIRECTS = 3;

  private final HttpClient http;
  private final List<String> allowedHosts;
  private final Duration timeout;
  private final long maxBytes;

  /** {@code http} must not follow redirects itself (see {@link #newHttpClient}). */
  public GooglePictureFetcher(HttpClient http, List<String> allowedHosts, Duration timeout, long maxBytes) {
    this.http = http;
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /**
   * A client that never follows redirects on its own and gives up connecting after {@code timeout};
   * {@code tls} null means the JDK's default trust store.
   */
  public static HttpClient newHttpClient(Duration timeout, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  /** True for an https URL without credentials whose host is allow-listed. */
  public boolean allowed(URI uri) {
    return uri != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
        && uri.getHost() != null && hostAllowed(uri.getHost());
  }

  boolean hostAllowed(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String pattern : allowedHosts) {
      if (pattern.startsWith("*.") ? h.endsWith(pattern.substring(1)) && h.length() > pattern.length() - 1
          : h.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  /** The picture's bytes, or empty when the URL is not allowed or the download fails in any way. */
  public Optional<byte[]> fetch(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!allowed(uri)) {
      LOG.warn("Google picture not fetched: host or scheme not allowed");
      return Optional.empty();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    String host = uri.getHost();
    try {
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        HttpResponse<byte[]> response = send(uri, deadline);
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
          URI next = response.headers().firstValue("Location").map(uri::resolve).orElse(null);
          if (next == null || !allowed(next) || !host.equalsIgnoreCase(next.getHost())) {
            LOG.warn("Google picture not fetched: redirect to another host refused");
            return Optional.empty();
          }
          uri = next;
          continue;
        }
        if (status != 200 || response.body() == null) {
          return Optional.empty();
        }
        return Optional.of(response.body());
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.warn("Google picture not downloaded: {}", e.toString());
      return Optional.empty();
    }
  }

  private HttpResponse<byte[]> send(URI uri, long deadline) throws Exception {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new TimeoutException("picture download deadline passed");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET().build();
    CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> capped(info.statusCode()));
    try {
      // the request timeout ends at the headers; this deadline also covers a body that trickles in
      return future.get(left, TimeUnit.NANOSECONDS);
    } finally {
      future.cancel(true);
    }
  }

  /** Collects at most {@code maxBytes}; more fails the download instead of filling the heap. */
  private HttpResponse.BodySubscriber<byte[]> capped(int status) {
    if (status != 200) {
      return HttpResponse.BodySubscribers.replacing(null);
    }
    HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
    return new HttpResponse.BodySubscriber<>() {
      private long received;
      private Flow.Subscription subscription;

      @Override
      public CompletionStage<byte[]> getBody() {
        return bytes.getBody();
      }

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        bytes.onSubscribe(s);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
          received += item.remaining();
        }
        if (received > maxBytes) {
          subscription.cancel();
          bytes.onError(new IllegalStateException("picture larger than " + maxBytes + " bytes"));
          return;
        }
        bytes.onNext(items);
      }

      @Override
      public void onError(Throwable t) {
        bytes.onError(t);
      }

      @Override
      public void onComplete() {
        if (received <= maxBytes) {
          bytes.onComplete();
        }
      }
    };
  }
}
