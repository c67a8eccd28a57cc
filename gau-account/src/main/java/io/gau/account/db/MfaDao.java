package io.gau.account.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** TOTP enrolments, recovery codes and pending MFA login challenges. */
@RegisterConstructorMapper(MfaRow.class)
@RegisterConstructorMapper(MfaChallengeRow.class)
public interface MfaDao {
  @SqlQuery("select user_id, secret_enc, enabled, last_step, enabled_at from user_mfa where user_id = :id")
  Optional<MfaRow> find(@Bind("id") UUID userId);

  /** Stores a new, not yet enabled secret; an enabled enrolment is left alone (returns 0). */
  @SqlUpdate(
      """
      insert into user_mfa (user_id, secret_enc, enabled, last_step, created_at, updated_at)
      values (:id, :secret, false, 0, :now, :now)
      on conflict (user_id) do update set secret_enc = excluded.secret_enc, last_step = 0, updated_at = :now
      where user_mfa.enabled = false""")
  int upsertPending(@Bind("id") UUID userId, @Bind("secret") byte[] secretEnc, @Bind("now") Instant now);

  @SqlUpdate(
      """
      update user_mfa set enabled = true, enabled_at = :now, last_step = :step, updated_at = :now
      where user_id = :id and enabled = false and last_step < :step""")
  int enable(@Bind("id") UUID userId, @Bind("step") long step, @Bind("now") Instant now);

  /** Records a used time step; 0 when that step (or a later one) was already used — a replay. */
  @SqlUpdate("update user_mfa set last_step = :step, updated_at = :now where user_id = :id and last_step < :step")
  int useStep(@Bind("id") UUID userId, @Bind("step") long step, @Bind("now") Instant now);

  @SqlUpdate("delete from user_mfa where user_id = :id")
  int delete(@Bind("id") UUID userId);

  @SqlBatch("insert into recovery_codes (user_id, code_hash) values (:id, :hash)")
  void insertRecoveryCodes(@Bind("id") UUID userId, @Bind("hash") List<byte[]> hashes);

  @SqlUpdate("delete from recovery_codes where user_id = :id")
  int deleteRecoveryCodes(@Bind("id") UUID userId);

  @SqlUpdate(
      "update recovery_codes set used_at = :now where user_id = :id and code_hash = :hash and used_at is null")
  int useRecoveryCode(@Bind("id") UUID userId, @Bind("hash") byte[] hash, @Bind("now") Instant now);

  @SqlUpdate(
      """
      insert into mfa_challenges (token_hash, user_id, device_id, created_at, expires_at)
      values (:hash, :id, :device, :now, :expiresAt)""")
  void insertChallenge(
      @Bind("hash") byte[] hash,
      @Bind("id") UUID userId,
      @Bind("device") String deviceId,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  /** Counts one attempt and returns the challenge as it is now; empty when unknown, used or expired. */
  @SqlQuery(
      """
      update mfa_challenges set attempts = attempts + 1
      where token_hash = :hash and used_at is null and expires_at > :now
      returning user_id, device_id, expires_at, attempts, used_at""")
  Optional<MfaChallengeRow> attemptChallenge(@Bind("hash") byte[] hash, @Bind("now") Instant now);

  @SqlUpdate("update mfa_challenges set used_at = :now where token_hash = :hash and used_at is null")
  int useChallenge(@Bind("hash") byte[] hash, @Bind("now") Instant now);
}
