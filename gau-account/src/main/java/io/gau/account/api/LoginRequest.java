package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /basic/login} (A2): one identifier (username, email or phone) and the password. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginRequest(
    @JsonProperty("username") String username,
    @JsonProperty("email") String email,
    @JsonProperty("phone") String phone,
    @JsonProperty("password") String password) {}
