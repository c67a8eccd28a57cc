package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new session's (or a rotated session's) token pair. The first four keys are the reference's; the
 * rest are additions that old clients ignore.
 */
public record TokenPairResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("status") int status,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("session_id") String sessionId) {}
