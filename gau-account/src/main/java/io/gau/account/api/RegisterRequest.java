package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /basic/register} (A1); keys as in the reference, unknown keys ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterRequest(
    @JsonProperty("username") String username,
    @JsonProperty("password") String password,
    @JsonProperty("fullname") String fullname,
    @JsonProperty("email") String email,
    @JsonProperty("phone") String phone,
    @JsonProperty("date_of_birth") String dateOfBirth,
    @JsonProperty("gender") String gender) {}
