package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of A18: a Google ID token or OAuth access token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleSignInRequest(@JsonProperty("token") @NotBlank @Size(max = 8192) String token) {}
