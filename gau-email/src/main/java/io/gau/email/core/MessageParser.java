package io.gau.email.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sanctionco.jmail.JMail;
import io.gau.shared.crypto.Sha256;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a message body (reference or extended schema) into a {@link MailRequest}, or says in one
 * sentence why it never can ({@link PoisonMessageException}).
 */
public final class MessageParser {
  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_PLAIN_KEY_LENGTH = 200;
  private static final List<String> LOCALES = List.of("en", "vi");

  private final ObjectMapper mapper;
  private final LinkPolicy links;
  private final String defaultLocale;
  private final long maxBytes;

  public MessageParser(ObjectMapper mapper, LinkPolicy links, String defaultLocale, long maxBytes) {
    this.mapper = mapper;
    this.links = links;
    this.defaultLocale = defaultLocale;
    this.maxBytes = maxBytes;
  }

  /** {@code messageId} is the AMQP property; the body's {@code id} wins when both are given. */
  public MailRequest parse(byte[] body, String messageId) throws PoisonMessageException {
    if (body == null || body.length == 0) {
      throw new PoisonMessageException("empty message body");
    }
    if (body.length > maxBytes) {
      throw new PoisonMessageException("message body of " + body.length + " bytes exceeds " + maxBytes);
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PoisonMessageException("body is not JSON");
    } catch (java.io.IOException e) {
      throw new PoisonMessageException("body is not readable JSON");
    }
    if (json == null || !json.isObject()) {
      throw new PoisonMessageException("body is not a JSON object");
    }
    EmailTemplate template = template(json);
    String recipient = requiredText(json, "recipient").trim();
    if (recipient.length() > 254 || !JMail.strictValidator().isValid(recipient)) {
      throw new PoisonMessageException("recipient is not a valid email address");
    }
    String name = optionalText(json, "recipientName");
    name = name == null || name.isBlank() ? recipient.substring(0, recipient.indexOf('@')) : oneLine(name);
    if (name.length() > MAX_NAME_LENGTH) {
      name = name.substring(0, MAX_NAME_LENGTH);
    }
    String content = optionalText(json, "content");
    if (template.requiresContent() && (content == null || content.isBlank())) {
      throw new PoisonMessageException("content is missing or blank");
    }
    List<String> lines =
        content == null ? List.of() : Arrays.stream(content.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    String actionUrl = optionalText(json, "actionUrl");
    actionUrl = actionUrl == null || actionUrl.isBlank() ? null : actionUrl.trim();
    if (actionUrl != null && !links.allows(actionUrl)) {
      throw new PoisonMessageException("actionUrl is not on an allowed origin");
    }
    if (actionUrl == null && template.requiresAction()) {
      throw new PoisonMessageException("actionUrl is required for template " + template.wireName());
    }
    String id = optionalText(json, "id");
    String key = key(id != null && !id.isBlank() ? id : messageId);
    return new MailRequest(key, template, locale(json), recipient, name, lines, actionUrl, data(json));
  }

  private EmailTemplate template(JsonNode json) throws PoisonMessageException {
    String template = optionalText(json, "template");
    if (template != null && !template.isBlank()) {
      return EmailTemplate.byName(template).orElseThrow(() -> new PoisonMessageException("unknown template"));
    }
    String type = optionalText(json, "type");
    if (type == null || type.isBlank()) {
      throw new PoisonMessageException("type (or template) is missing");
    }
    return EmailTemplate.byReferenceType(type).orElseThrow(() -> new PoisonMessageException("unknown type"));
  }

  private String locale(JsonNode json) throws PoisonMessageException {
    String locale = optionalText(json, "locale");
    if (locale == null || locale.isBlank()) {
      return defaultLocale;
    }
    // "vi-VN", "en_US" -> the language; an unsupported language still gets a mail, in the default locale
    String language = locale.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return LOCALES.contains(language) ? language : defaultLocale;
  }

  private Map<String, Object> data(JsonNode json) throws PoisonMessageException {
    JsonNode data = json.get("data");
    if (data == null || data.isNull()) {
      return Map.of();
    }
    if (!data.isObject()) {
      throw new PoisonMessageException("data is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = mapper.convertValue(data, Map.class);
    return values;
  }

  private static String requiredText(JsonNode json, String field) throws PoisonMessageException {
    String value = optionalText(json, field);
    if (value == null || value.isBlank()) {
      throw new PoisonMessageException(field + " is missing");
    }
    return value;
  }

  private static String optionalText(JsonNode json, String field) throws PoisonMessageException {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new PoisonMessageException(field + " is not a string");
    }
    return node.asText();
  }

  private static String oneLine(String value) {
    return value.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** Short printable ids are kept as they are (readable in Redis); anything else is hashed. */
  private static String key(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    if (id.length() <= MAX_PLAIN_KEY_LENGTH && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return id;
    }
    return "sha256-" + Sha256.hex(id);
  }
}
