package io.gau.shared.http;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Guards internal APIs with the shared {@code Private-Key} header. The comparison runs over SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither the content nor the length of the secret leaks
 * through response timing.
 */
@Priority(Priorities.AUTHENTICATION)
public class PrivateKeyFilter implements ContainerRequestFilter {
  public static final String HEADER = "Private-Key";
  /** Shorter secrets are refused at start: 32 bytes is the floor for a guessable-by-nobody shared key. */
  public static final int MIN_SECRET_BYTES = 32;

  private final byte[] expectedDigest;
  private final List<String> protectedPrefixes;

  /**
   * @param secret the shared key (from {@code PRIVATE_KEY})
   * @param protectedPrefixes request paths (without leading slash, e.g. {@code api/v2/upload}) that need the key
   */
  public PrivateKeyFilter(String secret, List<String> protectedPrefixes) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "PRIVATE_KEY must be set and at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.expectedDigest = Sha256.of(secret);
    this.protectedPrefixes = List.copyOf(protectedPrefixes);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String normalized = path.startsWith("/") ? path.substring(1) : path;
    if (protectedPrefixes.stream().noneMatch(normalized::startsWith)) {
      return;
    }
    try {
      require(request.getHeaderString(HEADER));
    } catch (ApiException e) {
      request.abortWith(ErrorResponses.of(e.status(), e.code(), e.getMessage()));
    }
  }

  /**
   * 401 {@code private_key_required} without a key, 401 {@code private_key_invalid} with a wrong one; for
   * routes served outside Jersey (authorization's validate handler) as well as by this filter.
   */
  public void require(String presented) {
    if (presented == null || presented.isEmpty()) {
      throw ApiException.unauthorized("private_key_required", "Private-Key header is required");
    }
    if (!matches(presented)) {
      throw ApiException.unauthorized("private_key_invalid", "Invalid private key");
    }
  }

  /** Constant-time check of a presented key against the configured one. */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(expectedDigest, Sha256.of(presented));
  }

}
