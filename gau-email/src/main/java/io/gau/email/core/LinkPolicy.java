package io.gau.email.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which links a mail may carry: absolute http(s) URLs on one of the configured origins, nothing else. */
public final class LinkPolicy {
  private final Set<String> allowedOrigins;

  public LinkPolicy(List<String> allowedOrigins) {
    this.allowedOrigins =
        allowedOrigins.stream()
            .map(o -> origin(o).orElseThrow(() -> new IllegalArgumentException("not an origin: " + o)))
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean allows(String url) {
    return origin(url).filter(allowedOrigins::contains).isPresent();
  }

  /** {@code scheme://host[:port]} in lower case with the scheme's default port dropped; empty when not http(s). */
  static Optional<String> origin(String url) {
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
