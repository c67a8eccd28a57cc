package io.gau.shared.errors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The one error body of every Gau service: the reference envelope {@code {"error","status"}} plus a
 * stable machine-readable {@code code} that clients can switch on.
 */
public record ErrorResponse(
    @JsonProperty("error") String error,
    @JsonProperty("status") int status,
    @JsonProperty("code") String code) {}
