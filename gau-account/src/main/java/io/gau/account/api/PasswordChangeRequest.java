package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /password/change}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordChangeRequest(
    @JsonProperty("current_password") @NotBlank @Size(max = 256) String currentPassword,
    @JsonProperty("new_password") @NotBlank @Size(max = 256) String newPassword) {}
