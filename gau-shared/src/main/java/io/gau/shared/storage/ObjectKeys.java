package io.gau.shared.storage;

import io.gau.shared.errors.ApiException;

/**
 * The one definition of an object key that gau-upload writes and gau-cdn reads: relative,
 * slash-separated, at most {@value #MAX_KEY_LENGTH} characters, no empty, {@code .} or {@code ..}
 * segment, no backslash or control character. A bad key is refused ({@code 400 invalid_path}) rather
 * than repaired, so a key always means what it says and can never step outside its prefix. Also the
 * shape of content-addressed names and the id under which gau-cdn caches an object.
 */
public final class ObjectKeys {
  public static final int MAX_KEY_LENGTH = 1024;
  /** Length of a lower-case hex SHA-256, the base name of a content-addressed key. */
  private static final int SHA256_HEX = 64;
  private static final int MAX_EXTENSION = 10;

  private ObjectKeys() {}

  /** {@code value} when it is a valid full key; otherwise a 400 naming {@code field}. */
  public static String key(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw invalid(field + " is required");
    }
    if (value.length() > MAX_KEY_LENGTH) {
      throw invalid(field + " is longer than " + MAX_KEY_LENGTH + " characters");
    }
    if (value.charAt(0) == '/') {
      throw invalid(field + " must be relative (no leading '/')");
    }
    // one pass, no split: the CDN runs this on every request
    int segmentStart = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : '/';
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        throw invalid(field + " contains a backslash or control character");
      }
      if (c == '/') {
        if (isDotSegment(value, segmentStart, i)) {
          throw invalid(field + " contains an empty, '.' or '..' segment");
        }
        segmentStart = i + 1;
      }
    }
    return value;
  }

  /**
   * A folder ({@code avatar}, {@code a/b}): surrounding blanks and one trailing slash are tolerated, and
   * empty means the bucket root (or a 400 when {@code required}).
   */
  public static String folder(String field, String value, boolean required) {
    String folder = value == null ? "" : value.strip();
    if (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    if (folder.isEmpty()) {
      if (required) {
        throw invalid(field + " is required");
      }
      return "";
    }
    return key(field, folder);
  }

  /** {@code folder/name}, or {@code name} at the bucket root. */
  public static String join(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** The content-addressed name of bytes with this SHA-256: {@code <sha256>.<extension>}. */
  public static String contentAddressedName(String sha256Hex, String extension) {
    return sha256Hex + "." + extension;
  }

  /**
   * Whether the key's base name is content-addressed ({@code <64 lower-case hex>} with an optional
   * alphanumeric extension of up to 10 characters): such an object never changes, so it may be cached forever.
   */
  public static boolean isContentAddressed(String key) {
    int start = key.lastIndexOf('/') + 1;
    int end = key.length();
    if (end - start < SHA256_HEX) {
      return false;
    }
    for (int i = start; i < start + SHA256_HEX; i++) {
      char c = key.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    int dot = start + SHA256_HEX;
    if (dot == end) {
      return true;
    }
    if (key.charAt(dot) != '.' || end - dot - 1 < 1 || end - dot - 1 > MAX_EXTENSION) {
      return false;
    }
    for (int i = dot + 1; i < end; i++) {
      char c = key.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code <bucket>/<key>}: the id under which gau-cdn caches an object (in-process and, after a prefix,
   * in Redis) and the message gau-upload publishes on the invalidation channel when it changes.
   */
  public static String cacheId(String bucket, String key) {
    return bucket + "/" + key;
  }

  private static boolean isDotSegment(String value, int start, int end) {
    int length = end - start;
    return length == 0
        || (length == 1 && value.charAt(start) == '.')
        || (length == 2 && value.charAt(start) == '.' && value.charAt(start + 1) == '.');
  }

  private static ApiException invalid(String message) {
    return ApiException.badRequest("invalid_path", message);
  }
}
