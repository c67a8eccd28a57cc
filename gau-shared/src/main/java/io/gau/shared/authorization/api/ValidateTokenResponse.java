package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /api/v2/authorization/token/validate} for a valid token. */
public record ValidateTokenResponse(
    @JsonProperty("message") String message,
    @JsonProperty("status") int status,
    @JsonProperty("claims") AccessTokenClaims claims) {}
