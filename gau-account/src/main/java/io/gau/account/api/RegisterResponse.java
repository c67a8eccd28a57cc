package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** Answer of A1: {@code {"message","user_id","status"}} — no tokens, as in the reference. */
public record RegisterResponse(
    @JsonProperty("message") String message, @JsonProperty("user_id") UUID userId, @JsonProperty("status") int status) {}
