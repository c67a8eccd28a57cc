package io.gau.email.core;

/**
 * Sending failed. {@code permanent} (an SMTP 5xx rejection) is dead-lettered at once; anything else
 * (4xx, refused connection, timeout, Redis unavailable) is retried later.
 */
public class MailSendException extends Exception {
  private final boolean permanent;

  public MailSendException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
