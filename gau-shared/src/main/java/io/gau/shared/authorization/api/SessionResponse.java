package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One live session (one login on one device, one refresh-token family). */
public record SessionResponse(
    @JsonProperty("id") String id,
    @JsonProperty("device_id") String deviceId,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_used_at") Instant lastUsedAt,
    @JsonProperty("expires_at") Instant expiresAt) {}
