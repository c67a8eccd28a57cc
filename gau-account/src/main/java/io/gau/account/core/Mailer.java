package io.gau.account.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.account.db.Daos;
import io.gau.shared.email.EmailMessage;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Queues mail in the outbox inside the caller's transaction: the mail exists exactly when the change
 * that needs it was committed. The payload is gau-email's message schema (reference §1.8 plus
 * {@code id}, {@code template}, {@code locale}, {@code data}); routing key {@code email.<template>}.
 */
public class Mailer {
  private final ObjectMapper json;
  private final InstantSource clock;

  public Mailer(ObjectMapper json, InstantSource clock) {
    this.json = json;
    this.clock = clock;
  }

  /** Mail templates gau-email renders, with the reference {@code type} each maps to. */
  public enum Template {
    VERIFY_EMAIL("verify_email", "confirmation"),
    RESET_PASSWORD("reset_password", "warning"),
    PASSWORD_CHANGED("password_changed", "warning"),
    LOGIN_ALERT("login_alert", "warning"),
    WELCOME("welcome", "notification");

    final String id;
    final String type;

    Template(String id, String type) {
      this.id = id;
      this.type = type;
    }
  }

  /** Writes one outbox row; {@code actionUrl} may be null. The link is also put in the plain content. */
  public void queue(Daos daos, Template template, String recipient, String recipientName, String content,
      String actionUrl, Map<String, Object> data) {
    UUID id = UUID.randomUUID();
    Map<String, Object> fullData = new LinkedHashMap<>(data);
    if (actionUrl != null) {
      fullData.putIfAbsent("actionUrl", actionUrl);
    }
    EmailMessage message = new EmailMessage(template.type, recipient,
        recipientName == null || recipientName.isBlank() ? null : recipientName,
        actionUrl == null ? content : content + "\n" + actionUrl, actionUrl, id.toString(), template.id, "en", fullData);
    try {
      daos.outbox().insert(id, "email." + template.id, json.writeValueAsString(message), clock.instant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("mail payload not serialisable", e);
    }
  }
}
