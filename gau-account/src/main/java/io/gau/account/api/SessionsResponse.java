package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gau.shared.authorization.api.SessionResponse;
import java.util.List;

/** Answer of {@code GET /sessions}: the caller's live sessions and which one is the current. */
public record SessionsResponse(
    @JsonProperty("sessions") List<SessionResponse> sessions,
    @JsonProperty("current_session_id") String currentSessionId,
    @JsonProperty("status") int status) {}
