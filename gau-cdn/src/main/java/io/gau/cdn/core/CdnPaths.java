package io.gau.cdn.core;

import io.gau.shared.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a raw request path to a bucket and key. Only the images route and allow-listed public buckets are
 * reachable; encoded slashes, dot segments, backslashes and control characters are refused, so a path can
 * never name another bucket or climb out of a prefix.
 */
public final class CdnPaths {
  private static final int MAX_KEY_LENGTH = 1024;

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
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
      throw ApiException.badRequest("invalid_path", "path: encoded slashes and NUL are not allowed");
    }
    String path = decode(rawPath);
    int slash = path.indexOf('/', 1);
    if (!path.startsWith("/") || slash < 0) {
      throw notFound();
    }
    String bucket = path.substring(1, slash);
    String key = path.substring(slash + 1);
    if (!bucket.equals("images") && !publicBuckets.contains(bucket)) {
      throw notFound(); // private buckets are indistinguishable from missing ones
    }
    validateKey(key);
    return new Target(bucket.equals("images") ? imagesBucket : bucket, key);
  }

  static void validateKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw ApiException.badRequest("invalid_path", "path: missing or too long key");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        throw ApiException.badRequest("invalid_path", "path: backslash or control character");
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw ApiException.badRequest("invalid_path", "path: empty, '.' or '..' segment");
      }
    }
  }

  /** Percent-decoding of a path (a '+' stays a '+'); malformed escapes are a 400. */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw ApiException.badRequest("invalid_path", "path: malformed percent-encoding");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw ApiException.badRequest("invalid_path", "path: malformed percent-encoding");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ApiException notFound() {
    return ApiException.notFound("file_not_found", "file not found");
  }
}
