package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"message"?, "user_info", "status"}} of the profile routes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileResponse(
    @JsonProperty("message") String message, @JsonProperty("user_info") UserInfo userInfo, @JsonProperty("status") int status) {}
