package io.gau.email.core;

/** Hands a rendered mail to the mail relay; returns only once the relay accepted it. */
public interface MailSender {
  void send(String recipient, String recipientName, RenderedMail mail) throws MailSendException;
}
