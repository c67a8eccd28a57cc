package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the profile updates (A6 basic, A8 security, A10 complete, A12 legacy): absent or null keeps a
 * value, an empty string clears it. Which keys a route honours depends on the route.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateProfileRequest(
    @JsonProperty("fullname") String fullname,
    @JsonProperty("username") String username,
    @JsonProperty("gender") String gender,
    @JsonProperty("date_of_birth") String dateOfBirth,
    @JsonProperty("facebook_url") String facebookUrl,
    @JsonProperty("github_url") String githubUrl,
    @JsonProperty("email") String email,
    @JsonProperty("phone") String phone) {}
