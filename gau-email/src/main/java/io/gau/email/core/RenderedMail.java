package io.gau.email.core;

/** A mail ready for SMTP: one subject line, an HTML part and a plain-text part. */
public record RenderedMail(String subject, String html, String text) {}
