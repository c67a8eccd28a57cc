package io.gau.account.core;

import io.gau.shared.errors.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy: 10–128 characters, not one of the commonly breached passwords
 * shipped in {@code common-passwords.txt}, and not the user's own email or username.
 */
public class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  /** argon2 cost does not grow with length, but the request body should stay small. */
  public static final int MAX_LENGTH = 128;

  private final Set<String> denied;

  public PasswordPolicy(Set<String> denied) {
    this.denied = denied;
  }

  /** The policy with the bundled deny list. */
  public static PasswordPolicy withBundledDenyList() {
    Set<String> denied = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(l -> denied.add(l.toLowerCase(Locale.ROOT)));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("common-passwords.txt is missing from the classpath", e);
    }
    return new PasswordPolicy(Set.copyOf(denied));
  }

  /** Throws a 400 naming {@code field} when {@code password} is not acceptable for this user. */
  public void check(String field, String password, String email, String username) {
    if (password == null || password.isEmpty()) {
      throw ApiException.badRequest("password_required", field + " is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw ApiException.badRequest("weak_password", field + " must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw ApiException.badRequest("weak_password", field + " must be at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (denied.contains(lower)) {
      throw ApiException.badRequest("weak_password", field + " is too common; choose another");
    }
    if (password.chars().distinct().count() < 4) {
      throw ApiException.badRequest("weak_password", field + " has too few different characters");
    }
    if ((email != null && (lower.equals(email) || lower.equals(email.split("@")[0])))
        || (username != null && lower.equals(username.toLowerCase(Locale.ROOT)))) {
      throw ApiException.badRequest("weak_password", field + " must not be your email or username");
    }
  }
}
