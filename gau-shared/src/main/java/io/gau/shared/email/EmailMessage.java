package io.gau.shared.email;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A mail request on {@code email_exchange}: the reference schema ({@code type, recipient, recipientName,
 * content, actionUrl}) plus the extended keys {@code id} (idempotency key), {@code template}, {@code locale}
 * and {@code data}. Absent values are omitted from the JSON, as the reference producer did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailMessage(
    @JsonProperty("type") String type,
    @JsonProperty("recipient") String recipient,
    @JsonProperty("recipientName") String recipientName,
    @JsonProperty("content") String content,
    @JsonProperty("actionUrl") String actionUrl,
    @JsonProperty("id") String id,
    @JsonProperty("template") String template,
    @JsonProperty("locale") String locale,
    @JsonProperty("data") Map<String, Object> data) {

  /** A message in the reference schema only (what the earlier account service published). */
  public static EmailMessage reference(
      String type, String recipient, String recipientName, String content, String actionUrl) {
    return new EmailMessage(type, recipient, recipientName, content, actionUrl, null, null, null, null);
  }

  /**
   * A templated message, e.g. {@code templated(outboxId, "verify_email", "en", address, name, link, Map.of())};
   * {@code id} should be stable across re-publications of the same logical mail (an outbox row id).
   */
  public static EmailMessage templated(
      String id,
      String template,
      String locale,
      String recipient,
      String recipientName,
      String actionUrl,
      Map<String, Object> data) {
    return new EmailMessage(
        null, recipient, recipientName, null, actionUrl, id, template, locale, data == null ? null : Map.copyOf(data));
  }
}
