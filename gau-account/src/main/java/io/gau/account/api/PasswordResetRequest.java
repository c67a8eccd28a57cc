package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /password/reset}: the token from the mail and the new password. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordResetRequest(
    @JsonProperty("token") @NotBlank @Size(max = 128) String token,
    @JsonProperty("new_password") @NotBlank @Size(max = 256) String newPassword) {}
