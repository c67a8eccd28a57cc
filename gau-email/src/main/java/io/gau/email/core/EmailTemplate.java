package io.gau.email.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The mails gau-email can render: the extended schema's templates and the reference's three types. */
public enum EmailTemplate {
  VERIFY_EMAIL("verify_email", true, false, "#0066cc"),
  RESET_PASSWORD("reset_password", true, false, "#0066cc"),
  PASSWORD_CHANGED("password_changed", false, false, "#d32f2f"),
  LOGIN_ALERT("login_alert", false, false, "#d32f2f"),
  WELCOME("welcome", false, false, "#10b981"),
  NOTIFICATION("notification", false, true, "#0066cc"),
  CONFIRMATION("confirmation", false, true, "#10b981"),
  WARNING("warning", false, true, "#d32f2f");

  // REFERENCE-API §5.2: the earlier service's type aliases (case-insensitive, trimmed)
  private static final Map<String, EmailTemplate> REFERENCE_TYPES =
      Map.of(
          "notification", NOTIFICATION, "info", NOTIFICATION, "thông báo", NOTIFICATION,
          "confirmation", CONFIRMATION, "success", CONFIRMATION, "xác nhận", CONFIRMATION,
          "warning", WARNING, "alert", WARNING, "danger", WARNING, "cảnh báo", WARNING);

  private final String wireName;
  private final boolean requiresAction;
  private final boolean requiresContent;
  private final String accentColour;

  EmailTemplate(String wireName, boolean requiresAction, boolean requiresContent, String accentColour) {
    this.wireName = wireName;
    this.requiresAction = requiresAction;
    this.requiresContent = requiresContent;
    this.accentColour = accentColour;
  }

  public String wireName() {
    return wireName;
  }

  /** The mail is pointless without its link (verification, reset). */
  public boolean requiresAction() {
    return requiresAction;
  }

  /** The producer's {@code content} is the body (the reference types). */
  public boolean requiresContent() {
    return requiresContent;
  }

  public String accentColour() {
    return accentColour;
  }

  public static Optional<EmailTemplate> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (EmailTemplate template : values()) {
      if (template.wireName.equals(wanted)) {
        return Optional.of(template);
      }
    }
    return Optional.empty();
  }

  public static Optional<EmailTemplate> byReferenceType(String type) {
    return Optional.ofNullable(REFERENCE_TYPES.get(type.trim().toLowerCase(Locale.ROOT)));
  }
}
