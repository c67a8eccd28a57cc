package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /password/forgot} (and of the by-email verification resend). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordForgotRequest(@JsonProperty("email") @NotBlank @Size(max = 254) String email) {}
