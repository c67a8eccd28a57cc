package io.gau.shared.authorization.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Body of {@code POST /api/v2/authorization/token} (reference §2.2): whom to issue a session for. */
public record CreateTokenRequest(
    @JsonProperty("user_id") @NotNull UUID userId,
    @JsonProperty("permission") @NotBlank @Size(max = 64) String permission) {}
