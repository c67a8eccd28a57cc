package io.gau.account.core;

import io.gau.shared.errors.ApiException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation and validation of what identifies a user: email, username, phone; and profile value checks. */
public final class Identifiers {
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{1,30})[a-z0-9]");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{10,15}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,240}");

  private Identifiers() {}

  /** Lower-cased, trimmed email; 400 naming {@code field} when it is not a plausible address. */
  public static String email(String field, String raw) {
    String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (email.length() < 3 || email.length() > 254 || !EMAIL.matcher(email).matches()
        || email.indexOf('@') > 64 || email.contains("..")) {
      throw ApiException.badRequest("invalid_email", "Invalid email format (" + field + ")");
    }
    return email;
  }

  /** Lower-cased username: 3–32 of a-z, 0-9, '.', '_', '-', starting and ending with a letter or digit. */
  public static String username(String field, String raw) {
    String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches() || name.contains("@")) {
      throw ApiException.badRequest(
          "invalid_username", field + " must be 3-32 characters of a-z, 0-9, '.', '_' or '-'");
    }
    return name;
  }

  /** Digits only (an optional leading '+' kept), 10–15 digits. */
  public static String phone(String field, String raw) {
    String phone = raw == null ? "" : raw.trim().replaceAll("[\\s()-]", "");
    if (!PHONE.matcher(phone).matches()) {
      throw ApiException.badRequest("invalid_phone", "Invalid phone format (" + field + ")");
    }
    return phone;
  }

  /** The login identifier as stored: emails and usernames lower-case, phones as digits. */
  public static String loginKey(String raw) {
    return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
  }

  /** A username candidate derived from a full name or an email's local part (ASCII, a-z0-9 only). */
  public static String usernameBase(String fullname, String email) {
    String source = fullname != null && !fullname.isBlank() ? fullname : email == null ? "" : email.split("@")[0];
    String ascii = Normalizer.normalize(source, Normalizer.Form.NFD)
        .replace('đ', 'd').replace('Đ', 'D')
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
    if (ascii.length() > 24) {
      ascii = ascii.substring(0, 24);
    }
    return ascii.length() < 3 ? "user" + ascii : ascii;
  }

  /** RFC 3339 timestamp (the reference's format) or a plain date; 400 otherwise. */
  public static LocalDate date(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return raw.length() <= 10 ? LocalDate.parse(raw) : OffsetDateTime.parse(raw).toLocalDate();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_date", field + " must be a date (YYYY-MM-DD or RFC 3339)");
    }
  }

  /** Optional short text: null stays null (keep), blank becomes "" (clear), too long is a 400. */
  public static String text(String field, String raw, int max) {
    if (raw == null) {
      return null;
    }
    String value = raw.trim();
    if (value.length() > max) {
      throw ApiException.badRequest("invalid_" + field, field + " must be at most " + max + " characters");
    }
    return value;
  }

  /** Optional http(s) URL; blank clears it. */
  public static String url(String field, String raw) {
    String value = text(field, raw, 255);
    if (value != null && !value.isEmpty() && !URL.matcher(value).matches()) {
      throw ApiException.badRequest("invalid_" + field, field + " must be an http(s) URL");
    }
    return value;
  }
}
