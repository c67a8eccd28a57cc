package io.gau.upload.core;

import io.gau.shared.errors.ApiException;
import java.util.Locale;
import java.util.Map;

/**
 * Validation of caller-supplied folders, keys and file names. Anything that could step outside the
 * intended prefix ({@code ..}, absolute paths, backslashes, control characters, empty segments) is
 * refused rather than repaired, so a key always means what it says.
 */
public final class StoragePaths {
  private static final int MAX_KEY_LENGTH = 1024;
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("image/jpeg", "jpg"),
          Map.entry("image/png", "png"),
          Map.entry("image/gif", "gif"),
          Map.entry("image/webp", "webp"),
          Map.entry("image/svg+xml", "svg"),
          Map.entry("image/x-icon", "ico"),
          Map.entry("application/pdf", "pdf"),
          Map.entry("application/zip", "zip"),
          Map.entry("application/json", "json"),
          Map.entry("text/plain", "txt"),
          Map.entry("text/html", "html"),
          Map.entry("video/mp4", "mp4"),
          Map.entry("audio/mpeg", "mp3"));

  private StoragePaths() {}

  /** A folder ({@code avatar}, {@code a/b}); one trailing slash is tolerated, empty means the bucket root. */
  public static String folder(String field, String value, boolean required) {
    String folder = value == null ? "" : value.strip();
    if (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    if (folder.isEmpty()) {
      if (required) {
        throw ApiException.badRequest("invalid_path", field + " is required");
      }
      return "";
    }
    return key(field, folder);
  }

  /** A full object key: relative, slash-separated, no empty/dot segments, no backslash or control character. */
  public static String key(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw ApiException.badRequest("invalid_path", field + " is required");
    }
    if (value.length() > MAX_KEY_LENGTH) {
      throw ApiException.badRequest("invalid_path", field + " is longer than " + MAX_KEY_LENGTH + " characters");
    }
    if (value.startsWith("/")) {
      throw ApiException.badRequest("invalid_path", field + " must be relative (no leading '/')");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        throw ApiException.badRequest("invalid_path", field + " contains a backslash or control character");
      }
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw ApiException.badRequest("invalid_path", field + " contains an empty, '.' or '..' segment");
      }
    }
    return value;
  }

  public static String join(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** A client file name made safe for a key: {@code [A-Za-z0-9_-]} name, alphanumeric lower-case extension. */
  public static String sanitizeFileName(String original, String fallbackExtension) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) : "";
    base = base.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty()) {
      base = "file";
    }
    if (base.length() > 200) {
      base = base.substring(0, 200);
    }
    return base + "." + (extension.isEmpty() ? fallbackExtension : extension);
  }

  /** The extension of the client's file name if it has a sane one, else from the content type, else {@code bin}. */
  public static String extension(String originalName, String contentType) {
    if (originalName != null) {
      int dot = originalName.lastIndexOf('.');
      if (dot > 0) {
        String ext = originalName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.matches("[a-z0-9]{1,10}")) {
          return ext;
        }
      }
    }
    return EXTENSIONS.getOrDefault(contentType, "bin");
  }
}
