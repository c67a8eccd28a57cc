package io.gau.shared.http;

/**
 * Whether a raw (still percent-encoded) request path means one thing to every reader. Servers and routers
 * disagree about matrix parameters ({@code /api;x=1/v2}), encoded separators ({@code %2F %3B %5C}), encoded
 * dots, dot segments and empty segments: Jersey drops the matrix parameters when it picks a route while a
 * prefix check on the path keeps them, which is how a path once reached an internal route without a key.
 * Internal services have no route that needs any of these, so such a path is refused rather than interpreted.
 */
public final class CanonicalPaths {
  private CanonicalPaths() {}

  /**
   * True for {@code /} and for paths of non-empty segments that are neither {@code .} nor {@code ..}, with no
   * {@code ;} or {@code \}, and whose percent-escapes are well formed and decode to none of {@code / ; \ . %}
   * or a control character.
   */
  public static boolean isCanonical(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return false;
    }
    if (rawPath.equals("/")) {
      return true;
    }
    int segmentStart = 1;
    for (int i = 1; i <= rawPath.length(); i++) {
      char c = i < rawPath.length() ? rawPath.charAt(i) : '/';
      if (c == '/') {
        if (!isSegment(rawPath.substring(segmentStart, i))) {
          return false;
        }
        segmentStart = i + 1;
      } else if (c == ';' || c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      } else if (c == '%') {
        int decoded = hexByte(rawPath, i + 1);
        if (decoded < 0 || decoded < 0x20 || decoded == 0x7f
            || decoded == '/' || decoded == ';' || decoded == '\\' || decoded == '.' || decoded == '%') {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }

  private static boolean isSegment(String segment) {
    return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
  }

  /** The byte written as two hex digits at {@code at}, or -1 when they are missing or not hex. */
  private static int hexByte(String s, int at) {
    if (at + 1 >= s.length()) {
      return -1;
    }
    int high = Character.digit(s.charAt(at), 16);
    int low = Character.digit(s.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
