package io.gau.email.core;

/** What became of one mail request. */
public enum DeliveryOutcome {
  /** The relay accepted the mail. */
  SENT,
  /** Its id was sent before, within the idempotency window: nothing sent. */
  DUPLICATE,
  /** Another consumer holds the id's claim right now (or crashed holding it): try again later. */
  BUSY
}
