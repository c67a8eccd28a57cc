package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /mfa/totp/verify}: the login's challenge and a TOTP or recovery code. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MfaVerifyRequest(
    @JsonProperty("mfa_token") @NotBlank @Size(max = 128) String mfaToken,
    @JsonProperty("otp_code") @NotBlank @Size(max = 32) String otpCode,
    @JsonProperty("device_id") @Size(max = 255) String deviceId) {}
