package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Login answer when TOTP is on: no tokens yet, only the challenge for {@code POST /mfa/totp/verify}. */
public record MfaRequiredResponse(
    @JsonProperty("mfa_required") boolean mfaRequired,
    @JsonProperty("mfa_token") String mfaToken,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("message") String message,
    @JsonProperty("status") int status) {}
