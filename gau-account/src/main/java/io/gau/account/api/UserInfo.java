package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.UUID;

/**
 * The {@code user_info} object of the profile routes (A5–A12): the reference keys, empty ones omitted,
 * never a password hash. {@code date_of_birth} is RFC 3339 at midnight UTC, as the reference wrote it. Basic, security and complete views fill different subsets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserInfo(
    @JsonProperty("user_id") UUID userId,
    @JsonProperty("fullname") String fullname,
    @JsonProperty("email") String email,
    @JsonProperty("phone") String phone,
    @JsonProperty("date_of_birth") String dateOfBirth,
    @JsonProperty("avatar_url") String avatarUrl,
    @JsonProperty("github_url") String githubUrl,
    @JsonProperty("facebook_url") String facebookUrl,
    @JsonProperty("username") String username,
    @JsonProperty("gender") String gender,
    @JsonProperty("permission") String permission,
    @JsonProperty("created_at") @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
    @JsonProperty("is_email_verified") Boolean emailVerified,
    @JsonProperty("is_phone_verified") Boolean phoneVerified,
    @JsonProperty("pending_email") String pendingEmail,
    @JsonProperty("verifications") List<Verification> verifications,
    @JsonProperty("mfas") List<Mfa> mfas) {

  /** One verified-or-not contact. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Verification(
      @JsonProperty("method") String method,
      @JsonProperty("value") String value,
      @JsonProperty("is_verified") boolean verified,
      @JsonProperty("verified_at") @JsonFormat(shape = JsonFormat.Shape.STRING) Instant verifiedAt) {}

  /** One second factor (only TOTP exists). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Mfa(
      @JsonProperty("type") String type,
      @JsonProperty("enabled") boolean enabled,
      @JsonProperty("verified_at") @JsonFormat(shape = JsonFormat.Shape.STRING) Instant verifiedAt) {}
}
