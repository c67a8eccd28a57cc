package io.gau.cdn.core;

import io.gau.shared.errors.ApiException;
import io.gau.shared.storage.ObjectKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Maps a raw request path to a bucket and key. Only the images route and allow-listed public buckets are
 * reachable; encoded slashes, backslashes and NUL are refused here and the key must then be a valid
 * {@link ObjectKeys} key, so a path can never name another bucket or climb out of a prefix.
 */
public final class CdnPaths {
  private static final String IMAGES = "images";

  private final String imagesBucket;
  private final Set<String> publicBuckets;

  public CdnPaths(String imagesBucket, Set<String> publicBuckets) {
    this.imagesBucket = imagesBucket;
    this.publicBuckets = Set.copyOf(publicBuckets);
  }

  /** A bucket and a key inside it. */
  public record Target(String bucket, String key) {}

  /** {@code rawPath} is the request path as sent (still percent-encoded). */
  public Target resolve(String rawPath) {
    String path = rawPath.indexOf('%') < 0 ? rawPath : decode(rawPath);
    int slash = path.indexOf('/', 1);
    if (!path.startsWith("/") || slash < 0) {
      throw notFound();
    }
    String bucket = path.substring(1, slash);
    String key = path.substring(slash + 1);
    boolean images = bucket.equals(IMAGES);
    if (!images && !publicBuckets.contains(bucket)) {
      throw notFound(); // private buckets are indistinguishable from missing ones
    }
    ObjectKeys.key("path", key);
    return new Target(images ? imagesBucket : bucket, key);
  }

  /**
   * Percent-decoding of a path (a '+' stays a '+'). Encoded '/', '\' and NUL are refused rather than
   * decoded: they would let one segment pose as several. Malformed escapes are a 400.
   */
  private static String decode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        if (c < 0x80) {
          out.write(c);
        } else {
          out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw ApiException.badRequest("invalid_path", "path: malformed percent-encoding");
      }
      int b = hi * 16 + lo;
      if (b == '/' || b == '\\' || b == 0) {
        throw ApiException.badRequest("invalid_path", "path: encoded slashes and NUL are not allowed");
      }
      out.write(b);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static ApiException notFound() {
    return ApiException.notFound("file_not_found", "file not found");
  }
}
