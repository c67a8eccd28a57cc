package io.gau.authorization.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transactional;

/**
 * Sessions and their refresh-token family, one aggregate: statements that must change together run
 * through {@link Transactional#inTransaction}.
 */
@RegisterConstructorMapper(SessionRow.class)
@RegisterConstructorMapper(RefreshTokenRow.class)
public interface SessionDao extends Transactional<SessionDao> {

  /**
   * Creates a session and its first refresh token in one statement (atomic on its own): one round trip instead
   * of BEGIN, two inserts and COMMIT on the login path.
   */
  @SqlQuery(
      """
      WITH session AS (
        INSERT INTO sessions (user_id, device_id, permission, created_at, last_used_at, expires_at)
        VALUES (:userId, :deviceId, :permission, :now, :now, :expiresAt)
        RETURNING id
      )
      INSERT INTO refresh_tokens (token_hash, session_id, created_at)
      SELECT :tokenHash, id, :now FROM session
      RETURNING session_id
      """)
  long openSession(
      @Bind("userId") UUID userId,
      @Bind("deviceId") String deviceId,
      @Bind("permission") String permission,
      @Bind("tokenHash") String tokenHash,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("SELECT * FROM sessions WHERE id = :id")
  Optional<SessionRow> findSession(@Bind("id") long id);

  @SqlQuery(
      """
      SELECT * FROM sessions
      WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
      ORDER BY created_at DESC, id DESC
      LIMIT :limit
      """)
  List<SessionRow> liveSessionsOf(
      @Bind("userId") UUID userId, @Bind("now") Instant now, @Bind("limit") int limit);

  /** Extends a used session; its expiry slides with each rotation. */
  @SqlUpdate("UPDATE sessions SET last_used_at = :now, expires_at = :expiresAt WHERE id = :id")
  void touchSession(@Bind("id") long id, @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

  /** Marks a session revoked (the source of truth for the bitmap); keeps the first revocation time. */
  @SqlUpdate("UPDATE sessions SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id")
  int revokeSession(@Bind("id") long id, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE sessions SET revoked_at = :now
      WHERE user_id = :userId AND revoked_at IS NULL
      RETURNING id
      """)
  List<Long> revokeSessionsOf(@Bind("userId") UUID userId, @Bind("now") Instant now);

  /** Keyset page of every revoked session still stored, for a bitmap rebuild. */
  @SqlQuery(
      """
      SELECT id FROM sessions
      WHERE revoked_at IS NOT NULL AND id > :afterId
      ORDER BY id
      LIMIT :limit
      """)
  List<Long> revokedSessionIds(@Bind("afterId") long afterId, @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM sessions WHERE revoked_at >= :since")
  List<Long> sessionsRevokedSince(@Bind("since") Instant since);

  /**
   * Deletes (in batches) sessions that expired or were revoked before the cutoff, which the caller puts
   * further back than any access token of theirs can live.
   */
  @SqlUpdate(
      """
      DELETE FROM sessions WHERE id IN (
        SELECT id FROM sessions
        WHERE expires_at < :cutoff OR revoked_at < :cutoff
        LIMIT :limit)
      """)
  int purgeSessions(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

  @SqlUpdate(
      """
      INSERT INTO refresh_tokens (token_hash, session_id, created_at)
      VALUES (:tokenHash, :sessionId, :now)
      """)
  void insertRefreshToken(
      @Bind("tokenHash") String tokenHash, @Bind("sessionId") long sessionId, @Bind("now") Instant now);

  /** Locks the token's row, so concurrent renewals of one token are serialised. */
  @SqlQuery("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
  Optional<RefreshTokenRow> lockRefreshToken(@Bind("tokenHash") String tokenHash);

  @SqlQuery("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash")
  Optional<RefreshTokenRow> findRefreshToken(@Bind("tokenHash") String tokenHash);

  @SqlUpdate(
      """
      UPDATE refresh_tokens SET rotated_at = :now, successor_ciphertext = :successor
      WHERE token_hash = :tokenHash
      """)
  void markRotated(
      @Bind("tokenHash") String tokenHash, @Bind("now") Instant now, @Bind("successor") byte[] successor);

  /** Drops successor pairs whose grace window is over: past it they are never handed out again. */
  @SqlUpdate(
      """
      UPDATE refresh_tokens SET successor_ciphertext = NULL
      WHERE successor_ciphertext IS NOT NULL AND rotated_at < :rotatedBefore
      """)
  int forgetSuccessors(@Bind("rotatedBefore") Instant rotatedBefore);
}
