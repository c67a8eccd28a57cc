package io.gau.account.core;

import io.gau.account.api.LoginRequest;
import io.gau.account.db.AccountStore;
import io.gau.account.db.MfaChallengeRow;
import io.gau.account.db.UserRow;
import io.gau.shared.authorization.api.SessionResponse;
import io.gau.shared.authorization.api.TokenPairResponse;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Password login (with the TOTP second step), token refresh, logout and sessions. */
public class LoginService {
  /** One message for unknown user, wrong password and password-less account: no enumeration. */
  public static final String BAD_CREDENTIALS = "Invalid credentials";

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final RateLimiter limiter;
  private final MfaService mfa;
  private final AuthorizationClient authorization;
  private final InstantSource clock;
  private final int accountFreeFailures;
  private final int ipFreeFailures;
  private final Duration challengeTtl;
  private final int maxChallengeAttempts;
  private final int otpIpFreeFailures;
  private final Mailer mailer;

  public LoginService(AccountStore store, PasswordHasher hasher, RateLimiter limiter, MfaService mfa,
      AuthorizationClient authorization, Mailer mailer, InstantSource clock, int accountFreeFailures,
      int ipFreeFailures, Duration challengeTtl, int maxChallengeAttempts, int otpIpFreeFailures) {
    this.store = store;
    this.hasher = hasher;
    this.limiter = limiter;
    this.mfa = mfa;
    this.authorization = authorization;
    this.clock = clock;
    this.accountFreeFailures = accountFreeFailures;
    this.ipFreeFailures = ipFreeFailures;
    this.challengeTtl = challengeTtl;
    this.maxChallengeAttempts = maxChallengeAttempts;
    this.otpIpFreeFailures = otpIpFreeFailures;
    this.mailer = mailer;
  }

  /** Checks the password (same cost whether or not the account exists) and starts a session or a challenge. */
  public LoginResult login(LoginRequest request, String deviceId, String clientIp) {
    if (request == null || request.password() == null
        || (request.username() == null && request.email() == null && request.phone() == null)) {
      throw ApiException.badRequest("missing_credentials", "Email/Username/Phone and Password are required");
    }
    requireDevice(deviceId);
    if (request.password().length() > 1024) {
      throw ApiException.badRequest("invalid_password", "password is too long");
    }
    String key = request.username() != null ? Identifiers.loginKey(request.username())
        : request.email() != null ? Identifiers.loginKey(request.email())
        : Identifiers.loginKey(request.phone()).replaceAll("[\\s()-]", "");
    Optional<UserRow> found = key.isEmpty() ? Optional.empty() : store.read(daos ->
        request.username() != null ? daos.users().findByUsername(key)
            : request.email() != null ? daos.users().findByEmail(key)
            : daos.users().findByPhone(key));
    // counted per account however it was spelled; an unknown identifier has a counter of its own
    String accountSubject = found.map(u -> "acct:" + u.userId()).orElse("acct:?" + key);
    String addressSubject = "ip:" + clientIp;
    List<RateLimiter.Standing> standing = limiter.standings(
        new RateLimiter.Limit(accountSubject, accountFreeFailures), new RateLimiter.Limit(addressSubject, ipFreeFailures));
    RateLimiter.Standing account = standing.get(0);
    RateLimiter.Standing address = standing.get(1);
    account.requireNoWait();
    // a held address still gets an answer for an account with a clean counter, so other accounts' failures
    // from behind the same NAT or proxy never lock its users out; everything else from it waits
    if (address.mustWait() && !account.clean()) {
      throw RateLimiter.refusal(address.retryAfterSeconds());
    }
    PasswordHasher.Result result = found.isPresent()
        ? hasher.verify(request.password(), found.get().passwordHash())
        : dummy(request.password());
    if (result == PasswordHasher.Result.NO_MATCH) {
      limiter.recordFailure(accountSubject);
      limiter.recordFailure(addressSubject);
      if (address.mustWait()) {
        throw RateLimiter.refusal(address.retryAfterSeconds());
      }
      throw ApiException.unauthorized("invalid_credentials", BAD_CREDENTIALS);
    }
    UserRow user = found.orElseThrow();
    if (!account.clean()) {
      limiter.reset(accountSubject);
    }
    if (result == PasswordHasher.Result.MATCH_NEEDS_REHASH) {
      String upgraded = hasher.hash(request.password());
      store.read(daos -> daos.users().updatePasswordHash(user.userId(), upgraded, clock.instant()));
    }
    return signedIn(user, deviceId, clientIp);
  }

  /** A user whose first factor is proven: a session, or a TOTP challenge when TOTP is on. */
  public LoginResult signedIn(UserRow user, String deviceId, String clientIp) {
    if (mfa.enabled(user.userId())) {
      String token = Secrets.newToken();
      Instant now = clock.instant();
      store.read(daos -> {
        daos.mfa().insertChallenge(Sha256.of(token), user.userId(), deviceId, now, now.plus(challengeTtl));
        return null;
      });
      return new LoginResult.MfaChallenge(token, challengeTtl.toSeconds());
    }
    return new LoginResult.Tokens(issue(user, deviceId, clientIp));
  }

  /**
   * The second login step: the challenge from {@link #login} plus a TOTP code (each time step usable
   * once) or an unused recovery code. Each challenge allows a few attempts, then it is void; wrong
   * codes are also counted per account and per client address (progressive delay), so new challenges
   * do not buy more guesses. As at the first step, a held address still gets an answer for an account
   * whose own code counter is clean.
   */
  public TokenPairResponse completeMfa(String mfaToken, String code, String deviceId, String clientIp) {
    requireDevice(deviceId);
    byte[] hash = Sha256.of(mfaToken);
    MfaChallengeRow challenge = store.read(daos -> daos.mfa().attemptChallenge(hash, clock.instant()))
        .orElseThrow(() -> ApiException.unauthorized("invalid_mfa_token", "Invalid or expired MFA token"));
    if (challenge.attempts() > maxChallengeAttempts) {
      store.read(daos -> daos.mfa().useChallenge(hash, clock.instant()));
      throw ApiException.unauthorized("invalid_mfa_token", "Too many attempts; sign in again");
    }
    if (challenge.deviceId() != null && !challenge.deviceId().equals(deviceId)) {
      throw ApiException.unauthorized("invalid_mfa_token", "Invalid or expired MFA token");
    }
    String accountSubject = "otp-acct:" + challenge.userId();
    String addressSubject = "otp-ip:" + clientIp;
    List<RateLimiter.Standing> standing = limiter.standings(
        new RateLimiter.Limit(accountSubject, accountFreeFailures), new RateLimiter.Limit(addressSubject, otpIpFreeFailures));
    RateLimiter.Standing account = standing.get(0);
    RateLimiter.Standing address = standing.get(1);
    account.requireNoWait();
    if (address.mustWait() && !account.clean()) {
      throw RateLimiter.refusal(address.retryAfterSeconds());
    }
    if (!mfa.checkCode(challenge.userId(), code)) {
      limiter.recordFailure(accountSubject);
      limiter.recordFailure(addressSubject);
      if (address.mustWait()) {
        throw RateLimiter.refusal(address.retryAfterSeconds());
      }
      throw ApiException.unauthorized("invalid_otp", "Invalid OTP code");
    }
    if (store.read(daos -> daos.mfa().useChallenge(hash, clock.instant())) == 0) {
      throw ApiException.unauthorized("invalid_mfa_token", "Invalid or expired MFA token");
    }
    if (!account.clean()) {
      limiter.reset(accountSubject);
    }
    UserRow user = store.read(daos -> daos.users().findById(challenge.userId()))
        .orElseThrow(() -> ApiException.unauthorized("invalid_mfa_token", "Invalid or expired MFA token"));
    return issue(user, deviceId, clientIp);
  }

  /**
   * Starts the session, then remembers the device; a device the user has not signed in from before
   * gets a {@code login_alert} mail. The very first device of an account sets the baseline (no alert).
   */
  private TokenPairResponse issue(UserRow user, String deviceId, String clientIp) {
    TokenPairResponse pair = authorization.issue(user.userId(), user.permission(), deviceId);
    byte[] device = Sha256.of(deviceId);
    Instant now = clock.instant();
    if (store.read(daos -> daos.devices().touch(user.userId(), device, now)) > 0) {
      return pair; // a known device (the common case): one statement, no transaction
    }
    store.inTransaction(daos -> {
      if (daos.devices().remember(user.userId(), device, now) == 1 && user.email() != null
          && daos.devices().hasOtherDevices(user.userId(), device)) {
        mailer.queue(daos, Mailer.Template.LOGIN_ALERT, user.email(), user.fullname(),
            "New sign-in from device " + deviceId + " (IP " + clientIp + ") at " + now + ".", null,
            Map.of("device", deviceId, "ip", clientIp, "time", now.toString()));
      }
      return null;
    });
    return pair;
  }

  /** Rotates the refresh token (gau-authorization detects reuse). */
  public TokenPairResponse refresh(String refreshToken, String deviceId) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw ApiException.badRequest("refresh_token_required", "No refresh token provided");
    }
    requireDevice(deviceId);
    return authorization.renew(refreshToken, deviceId);
  }

  /** Ends the caller's own session (the one its access token belongs to); other sessions stay. */
  public void logout(UUID userId, String sessionId) {
    try {
      authorization.revokeSession(userId, sessionId);
    } catch (ApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      // already gone: logging out twice is fine
    }
  }

  public void logoutEverywhere(UUID userId) {
    authorization.revokeAll(userId);
  }

  public List<SessionResponse> sessions(UUID userId) {
    return authorization.sessions(userId);
  }

  public void revokeSession(UUID userId, String sessionId) {
    authorization.revokeSession(userId, sessionId);
  }

  /** Revokes every session of the user except {@code keepSessionId}. */
  public void revokeOtherSessions(UUID userId, String keepSessionId) {
    for (SessionResponse session : authorization.sessions(userId)) {
      if (!session.id().equals(keepSessionId)) {
        logout(userId, session.id());
      }
    }
  }

  private PasswordHasher.Result dummy(String password) {
    hasher.verifyDummy(password);
    return PasswordHasher.Result.NO_MATCH;
  }

  static void requireDevice(String deviceId) {
    if (deviceId == null || deviceId.isBlank()) {
      throw ApiException.badRequest("device_id_required", "X-Device-ID header is required");
    }
    if (deviceId.length() > 255) {
      throw ApiException.badRequest("invalid_device_id", "X-Device-ID is too long");
    }
  }
}
