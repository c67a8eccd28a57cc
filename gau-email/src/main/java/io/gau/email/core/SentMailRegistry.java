package io.gau.email.core;

/**
 * Remembers which message ids were sent, shared by every replica: a claim marks an id "being sent" for a
 * short time, {@link #markSent} turns it into "sent" for the idempotency window.
 */
public interface SentMailRegistry {
  /** The state found when claiming an id. */
  enum Claim {
    CLAIMED,
    ALREADY_SENT,
    IN_PROGRESS
  }

  /** Claims {@code key} for sending unless it is sent or being sent; the token identifies this claim. */
  Claim claim(String key, String token);

  void markSent(String key);

  /** Gives a claim back after a failed send (only if it is still this token's). */
  void release(String key, String token);
}
