package io.gau.account.core;

import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.util.List;

/**
 * How often one client address, and separately one target (the email or phone asked for), may ask for
 * something that costs us work or sends mail (sign-ups, reset mails) per window. The per-address quota
 * slows one machine that walks through many targets; the per-target quota protects one person's inbox
 * from many machines.
 */
public record RequestQuotas(String kind, int perAddress, int perTarget, Duration window) {

  /** The seconds until each exhausted quota resets; 0 while it still allows requests. */
  public record Spent(int addressWait, int targetWait) {
    public boolean allowed() {
      return addressWait == 0 && targetWait == 0;
    }
  }

  /** Counts one request against both quotas. */
  Spent spend(RateLimiter limiter, String clientAddress, String target) {
    List<Integer> waits = limiter.spend(
        new RateLimiter.Quota(kind + "-ip:" + clientAddress, perAddress, window),
        new RateLimiter.Quota(kind + "-to:" + target, perTarget, window));
    return new Spent(waits.get(0), waits.get(1));
  }

  /** The 429 of an exhausted quota. */
  static ApiException refusal(String what, int retryAfterSeconds) {
    return ApiException.tooManyRequests("Too many " + what + "; try again later", retryAfterSeconds);
  }
}
