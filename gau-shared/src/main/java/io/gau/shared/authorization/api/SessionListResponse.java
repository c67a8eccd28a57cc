package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of {@code GET /api/v2/authorization/sessions?user_id=}: the user's live sessions, newest first. */
public record SessionListResponse(
    @JsonProperty("sessions") List<SessionResponse> sessions, @JsonProperty("status") int status) {}
