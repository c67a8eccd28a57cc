package io.gau.upload.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names of uploaded files: a client file name made safe for a key, and the extension a file gets.
 * Whether a key or folder is acceptable at all is {@link io.gau.shared.storage.ObjectKeys}'s job.
 */
public final class FileNames {
  /** The image types by their own table, plus the other types the file API commonly sees. */
  private static final Map<String, String> EXTENSIONS =
      Stream.concat(
              Arrays.stream(ImageType.values()).map(t -> Map.entry(t.contentType(), t.extension())),
              Map.of(
                      "application/pdf", "pdf", "application/zip", "zip", "application/json", "json",
                      "text/plain", "txt", "text/html", "html", "video/mp4", "mp4", "audio/mpeg", "mp3")
                  .entrySet()
                  .stream())
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private FileNames() {}

  /** A client file name made safe for a key: {@code [A-Za-z0-9_-]} name, alphanumeric lower-case extension. */
  public static String sanitize(String original, String fallbackExtension) {
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
