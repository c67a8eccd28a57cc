package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /mfa/totp/disable}: the password and a current TOTP (or recovery) code. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TotpDisableRequest(
    @JsonProperty("password") @Size(max = 256) String password,
    @JsonProperty("otp_code") @NotBlank @Size(max = 32) String otpCode) {}
