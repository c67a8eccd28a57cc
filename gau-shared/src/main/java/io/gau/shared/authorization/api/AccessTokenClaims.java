package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The claims of a valid Gau access token: the registered JWT claims plus the reference's
 * {@code user_id}, {@code permission} and {@code jid} (the session id, also its revocation bit).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessTokenClaims(
    @JsonProperty("iss") String issuer,
    @JsonProperty("sub") String subject,
    @JsonProperty("aud") String audience,
    @JsonProperty("exp") long expiresAt,
    @JsonProperty("iat") long issuedAt,
    @JsonProperty("nbf") long notBefore,
    @JsonProperty("jti") String tokenId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("permission") String permission,
    @JsonProperty("jid") String sessionId) {}
