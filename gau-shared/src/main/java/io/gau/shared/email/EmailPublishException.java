package io.gau.shared.email;

/** A mail request was not confirmed by the broker (unreachable, nacked, unroutable, timed out); retry later. */
public class EmailPublishException extends RuntimeException {
  public EmailPublishException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmailPublishException(String message) {
    super(message);
  }
}
