package io.gau.cdn.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP details of delivery, kept free of servlet types so they can be tested on their own. */
public final class HttpRules {
  private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private HttpRules() {}

  /** A satisfiable byte range, inclusive. */
  public record Range(long start, long end) {
    public long length() {
      return end - start + 1;
    }

    public String contentRange(long size) {
      return "bytes " + start + "-" + end + "/" + size;
    }

    public String header() {
      return "bytes=" + start + "-" + end;
    }
  }

  /** Outcome of reading a {@code Range} header. */
  public sealed interface RangeRequest {}

  /** No usable Range header: serve the whole object (multi-range and malformed headers are ignored, as RFC 9110 allows). */
  public record WholeObject() implements RangeRequest {}

  public record Partial(Range range) implements RangeRequest {}

  public record Unsatisfiable() implements RangeRequest {}

  public static RangeRequest range(String header, long size) {
    if (header == null) {
      return new WholeObject();
    }
    Matcher m = SINGLE_RANGE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new WholeObject();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          return new Unsatisfiable();
        }
        return new Partial(new Range(Math.max(0, size - suffix), size - 1));
      }
      long start = Long.parseLong(m.group(1));
      long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (start >= size) {
        return new Unsatisfiable();
      }
      if (end < start) {
        return new WholeObject();
      }
      return new Partial(new Range(start, end));
    } catch (NumberFormatException e) {
      return new WholeObject();
    }
  }

  /** {@code If-None-Match}: any listed tag (weak comparison) or {@code *} matches. */
  public static boolean noneMatchHits(String ifNoneMatch, String quotedEtag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.equals(quotedEtag)) {
      return true; // what a browser revalidating its copy sends
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(quotedEtag) || (t.startsWith("W/") && t.substring(2).equals(quotedEtag))) {
        return true;
      }
    }
    return false;
  }

  /** {@code If-Modified-Since}: true when the object has not changed since (second precision). */
  public static boolean notModifiedSince(String ifModifiedSince, long lastModifiedMillis) {
    if (ifModifiedSince == null || lastModifiedMillis <= 0) {
      return false;
    }
    try {
      long since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
      return lastModifiedMillis / 1000 <= since;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, always GMT. */
  public static String httpDate(long millis) {
    return IMF_FIXDATE.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
  }

  /** An entity tag as sent: {@code "<tag>"}. */
  public static String quote(String etag) {
    return "\"" + etag + "\"";
  }

  /**
   * {@code attachment} with the key's base name twice (RFC 6266): an ASCII-only quoted fallback with
   * quotes, backslashes and controls replaced, and the exact UTF-8 name percent-encoded in {@code filename*}.
   */
  public static String attachment(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' ? (char) cp : '_'));
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
