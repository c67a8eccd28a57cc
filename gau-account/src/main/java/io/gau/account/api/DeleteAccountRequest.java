package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** Body of {@code DELETE /account}: the password (or, for accounts without one, the email) as confirmation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteAccountRequest(
    @JsonProperty("password") @Size(max = 256) String password, @JsonProperty("email") @Size(max = 254) String email) {}
