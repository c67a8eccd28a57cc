package io.gau.authorization.core;

import io.gau.authorization.db.RefreshTokenRow;
import io.gau.authorization.db.SessionDao;
import io.gau.authorization.db.SessionRow;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.errors.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions and their tokens: issue, rotate (with reuse detection and a grace window), validate, and
 * revoke. PostgreSQL is written first (source of truth), then the Redis bitmap.
 */
public class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final int MAX_DEVICE_ID_LENGTH = 256;
  private static final int MAX_LISTED_SESSIONS = 200;

  private final SessionDao sessions;
  private final AccessTokenCodec codec;
  private final RevocationBitmap bitmap;
  private final SecretBox box;
  private final TokenPolicy policy;
  private final InstantSource clock;

  /** What a renewal inside the transaction decided; revocations reach Redis only after the commit. */
  private sealed interface Renewal {
    record Rotated(IssuedTokens tokens) implements Renewal {}

    record ReuseDetected(long sessionId) implements Renewal {}
  }

  public TokenService(
      SessionDao sessions,
      AccessTokenCodec codec,
      RevocationBitmap bitmap,
      SecretBox box,
      TokenPolicy policy,
      InstantSource clock) {
    this.sessions = sessions;
    this.codec = codec;
    this.bitmap = bitmap;
    this.box = box;
    this.policy = policy;
    this.clock = clock;
  }

  /** Opens a session (one refresh-token family) for the user on that device. */
  public IssuedTokens issue(UUID userId, String permission, String deviceId) {
    requireDevice(deviceId);
    if (userId == null || (userId.getMostSignificantBits() == 0 && userId.getLeastSignificantBits() == 0)) {
      throw ApiException.badRequest("user_id_required", "User ID is required");
    }
    if (permission == null || permission.isBlank()) {
      throw ApiException.badRequest("permission_required", "Permission is required");
    }
    Instant now = clock.instant();
    Instant refreshExpiresAt = now.plus(policy.refreshTokenLifetime());
    String refreshToken = RefreshTokens.generate();
    long sessionId =
        sessions.openSession(userId, deviceId, permission, RefreshTokens.hash(refreshToken), now, refreshExpiresAt);
    AccessTokenCodec.SignedToken access = codec.sign(sessionId, userId, permission);
    return new IssuedTokens(access.token(), refreshToken, access.expiresAt(), refreshExpiresAt, sessionId);
  }

  /**
   * Rotates a refresh token. A token already rotated within the grace window yields the same successor
   * pair as the first renewal (two tabs, a retry); after it, presenting it again is reuse: the whole
   * session is revoked.
   */
  public IssuedTokens renew(String refreshToken, String deviceId) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw ApiException.badRequest("refresh_token_required", "Refresh token is required");
    }
    requireDevice(deviceId);
    if (!RefreshTokens.plausible(refreshToken)) {
      throw unknownRefreshToken();
    }
    String hash = RefreshTokens.hash(refreshToken);
    Renewal renewal = sessions.inTransaction(tx -> renewLocked(tx, hash, deviceId));
    if (renewal instanceof Renewal.ReuseDetected reuse) {
      LOG.warn("refresh token reuse detected: session {} revoked", reuse.sessionId());
      bitmap.revoke(List.of(reuse.sessionId()));
      throw ApiException.unauthorized(
          "refresh_token_reused", "Refresh token was already used; the session has been revoked");
    }
    return ((Renewal.Rotated) renewal).tokens();
  }

  private Renewal renewLocked(SessionDao tx, String hash, String deviceId) {
    RefreshTokenRow row = tx.lockRefreshToken(hash).orElseThrow(TokenService::unknownRefreshToken);
    SessionRow session = tx.findSession(row.sessionId()).orElseThrow(TokenService::unknownRefreshToken);
    Instant now = clock.instant();
    if (session.revoked()) {
      throw unknownRefreshToken();
    }
    if (!session.deviceId().equals(deviceId)) {
      throw ApiException.unauthorized("device_mismatch", "Refresh token does not belong to this device");
    }
    if (!session.expiresAt().isAfter(now)) {
      throw ApiException.unauthorized("refresh_token_expired", "Refresh token expired");
    }
    if (row.rotated()) {
      boolean inGrace = row.rotatedAt().plus(policy.refreshGrace()).isAfter(now);
      if (inGrace && row.successorCiphertext() != null) {
        return new Renewal.Rotated(
            IssuedTokens.deserialize(box.open(row.successorCiphertext(), successorPurpose(hash))));
      }
      tx.revokeSession(session.id(), now);
      return new Renewal.ReuseDetected(session.id());
    }
    // claims come from the stored session, never from the presented (or an old) access token
    Instant refreshExpiresAt = now.plus(policy.refreshTokenLifetime());
    String successor = RefreshTokens.generate();
    AccessTokenCodec.SignedToken access = codec.sign(session.id(), session.userId(), session.permission());
    IssuedTokens tokens =
        new IssuedTokens(access.token(), successor, access.expiresAt(), refreshExpiresAt, session.id());
    tx.insertRefreshToken(RefreshTokens.hash(successor), session.id(), now);
    tx.markRotated(hash, now, box.seal(tokens.serialize(), successorPurpose(hash)));
    tx.touchSession(session.id(), now, refreshExpiresAt);
    return new Renewal.Rotated(tokens);
  }

  /** The claims of a well-signed, current token of ours, before its revocation check (see {@link RevocationChecks}). */
  public AccessTokenClaims verify(String accessToken) {
    return codec.verify(accessToken);
  }

  /** The answer for a token whose session's bit is set. */
  public static ApiException revoked() {
    return ApiException.unauthorized("token_revoked", "Access token has been revoked");
  }

  /** Logs out the session of a refresh token (any token of its family); unknown tokens are ignored. */
  public void logout(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw ApiException.badRequest("refresh_token_required", "No refresh token provided");
    }
    if (!RefreshTokens.plausible(refreshToken)) {
      return;
    }
    Optional<RefreshTokenRow> row = sessions.findRefreshToken(RefreshTokens.hash(refreshToken));
    if (row.isPresent()) {
      revoke(row.get().sessionId());
    }
  }

  public List<SessionRow> liveSessions(UUID userId) {
    return sessions.liveSessionsOf(userId, clock.instant(), MAX_LISTED_SESSIONS);
  }

  /** Revokes one session of that user; 404 when there is no such session of that user. */
  public void revokeSession(UUID userId, long sessionId) {
    SessionRow session =
        sessions
            .findSession(sessionId)
            .filter(s -> s.userId().equals(userId))
            .orElseThrow(() -> ApiException.notFound("session_not_found", "Session not found"));
    revoke(session.id());
  }

  /** Logs the user out everywhere. */
  public int revokeAll(UUID userId) {
    List<Long> revoked = sessions.revokeSessionsOf(userId, clock.instant());
    bitmap.revoke(revoked);
    return revoked.size();
  }

  private void revoke(long sessionId) {
    sessions.revokeSession(sessionId, clock.instant());
    bitmap.revoke(List.of(sessionId));
  }

  private static void requireDevice(String deviceId) {
    if (deviceId == null || deviceId.isBlank()) {
      throw ApiException.badRequest("device_id_required", "X-Device-ID header is required");
    }
    if (deviceId.length() > MAX_DEVICE_ID_LENGTH) {
      throw ApiException.badRequest("device_id_too_long", "X-Device-ID header is too long");
    }
  }

  private static String successorPurpose(String tokenHash) {
    return "successor:" + tokenHash;
  }

  private static ApiException unknownRefreshToken() {
    return ApiException.unauthorized("refresh_token_invalid", "Refresh token not found or revoked");
  }
}
