package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of A15: TOTP is on; the recovery codes are shown this once and stored only hashed. */
public record TotpEnableResponse(
    @JsonProperty("message") String message,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("recovery_codes") List<String> recoveryCodes,
    @JsonProperty("status") int status) {}
