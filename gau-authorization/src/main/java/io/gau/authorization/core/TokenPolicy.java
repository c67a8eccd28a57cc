package io.gau.authorization.core;

import java.time.Duration;

/**
 * Claims and lifetimes of the tokens this service issues.
 *
 * @param issuer the {@code iss} of every access token
 * @param audience the {@code aud} of every access token
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long an unused session stays renewable (slides with each rotation)
 * @param refreshGrace how long a rotated refresh token still yields its successor
 * @param clockSkew tolerated clock difference on {@code exp}/{@code nbf}
 * @param maxTokenSize larger access tokens are refused before parsing
 */
public record TokenPolicy(
    String issuer,
    String audience,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration refreshGrace,
    Duration clockSkew,
    int maxTokenSize) {

  /** After this, no access token issued before a session's revocation or expiry can still be valid. */
  public Duration longestAccessTokenLife() {
    return accessTokenLifetime.plus(clockSkew).plusMinutes(1);
  }
}
