package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of A13: the new avatar's CDN URL. */
public record AvatarResponse(
    @JsonProperty("message") String message, @JsonProperty("avatar_url") String avatarUrl, @JsonProperty("status") int status) {}
