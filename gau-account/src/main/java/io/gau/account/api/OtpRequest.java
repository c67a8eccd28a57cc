package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /mfa/totp/enable}: a current code from the authenticator app. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtpRequest(@JsonProperty("otp_code") @NotBlank @Size(max = 32) String otpCode) {}
