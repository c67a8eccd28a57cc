package io.gau.email.core;

import java.util.List;
import java.util.Map;

/**
 * A validated mail request: which template in which locale to whom, with the producer's lines, link and
 * data. {@code idempotencyKey} is null when the producer gave no id (such mails are sent at least once).
 */
public record MailRequest(
    String idempotencyKey,
    EmailTemplate template,
    String locale,
    String recipient,
    String recipientName,
    List<String> contentLines,
    String actionUrl,
    Map<String, Object> data) {}
