package io.gau.account.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The {@code security:} block: password hashing, brute-force limits, token lifetimes and the data key. */
public class SecurityFactory {
  /** Base64 of 32 random bytes (ACCOUNT_DATA_KEY): encrypts TOTP secrets at rest. */
  @JsonProperty @NotEmpty public String dataKey;

  /** argon2id memory in KiB; OWASP minimum 19 MiB. */
  @JsonProperty @Min(19456) public int argon2MemoryKib = 19456;

  @JsonProperty @Min(2) public int argon2Iterations = 2;
  @JsonProperty @Min(1) public int argon2Parallelism = 1;

  /** Concurrent argon2 computations; more wait, so a login burst cannot exhaust memory or CPU. */
  @JsonProperty @Min(1) public int maxConcurrentHashes = 4;

  /**
   * Proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} names the client: Traefik's pods in
   * production. Empty trusts none: the socket's peer is the client, whatever the header says.
   */
  @JsonProperty @NotNull public List<@NotNull String> trustedProxies = List.of();

  /** Failed logins per account allowed in {@link #failureWindow} before delays start. */
  @JsonProperty @Min(1) public int accountFreeFailures = 5;

  /** Failed logins per client IP allowed in {@link #failureWindow} before delays start. */
  @JsonProperty @Min(1) public int ipFreeFailures = 50;

  /** Wrong TOTP/recovery codes per client IP allowed in {@link #failureWindow} before delays start. */
  @JsonProperty @Min(1) public int otpIpFreeFailures = 10;

  @JsonProperty @NotNull public Duration failureWindow = Duration.minutes(15);

  /** The longest delay the progressive back-off asks for (no permanent lockout). */
  @JsonProperty @NotNull public Duration maxDelay = Duration.minutes(5);

  @JsonProperty @NotNull public Duration verificationTtl = Duration.hours(24);
  @JsonProperty @NotNull public Duration resetTtl = Duration.hours(1);
  @JsonProperty @NotNull public Duration mfaChallengeTtl = Duration.minutes(5);
  @JsonProperty @Min(1) public int mfaMaxAttempts = 5;

  /** Minimum time between two verification/reset mails to one address. */
  @JsonProperty @NotNull public Duration mailInterval = Duration.seconds(60);

  /** Sign-ups one client address may make per {@link #quotaWindow}. */
  @JsonProperty @Min(1) public int signUpsPerAddress = 20;

  /** Sign-ups naming one email (or phone) per {@link #quotaWindow}: retries after a failure are fine. */
  @JsonProperty @Min(1) public int signUpsPerTarget = 5;

  /** Forgotten-password requests one client address may make per {@link #quotaWindow}; then 429. */
  @JsonProperty @Min(1) public int resetRequestsPerAddress = 10;

  /** Reset mails one address may receive per {@link #quotaWindow} (also at most one per mail interval). */
  @JsonProperty @Min(1) public int resetMailsPerTarget = 5;

  @JsonProperty @NotNull public Duration quotaWindow = Duration.hours(1);

  /** Origins allowed for CORS and for cookie-authenticated state-changing requests (CSRF). */
  @JsonProperty @NotNull @Valid public List<String> allowedOrigins = List.of();

  /** The TOTP issuer shown in authenticator apps. */
  @JsonProperty @NotEmpty public String totpIssuer = "Gau";
}
