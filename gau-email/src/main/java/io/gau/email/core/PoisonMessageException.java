package io.gau.email.core;

/** A message that can never become a mail (bad JSON, missing field, unknown template...): dead-letter it at once. */
public class PoisonMessageException extends Exception {
  public PoisonMessageException(String reason) {
    super(reason);
  }
}
