package io.gau.account.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Single-use mail tokens ({@code email_verifications}, {@code password_resets}), stored only as SHA-256. */
@RegisterConstructorMapper(EmailVerificationRow.class)
public interface TokenDao {
  @SqlUpdate(
      """
      insert into email_verifications (token_hash, user_id, email, created_at, expires_at)
      values (:hash, :userId, :email, :now, :expiresAt)""")
  void insertVerification(
      @Bind("hash") byte[] hash,
      @Bind("userId") UUID userId,
      @Bind("email") String email,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("select token_hash, user_id, email, expires_at, used_at from email_verifications where token_hash = :hash")
  Optional<EmailVerificationRow> findVerification(@Bind("hash") byte[] hash);

  /** Consumes the token; 0 when it was already used or has expired (so two clicks cannot both win). */
  @SqlUpdate(
      """
      update email_verifications set used_at = :now
      where token_hash = :hash and used_at is null and expires_at > :now""")
  int useVerification(@Bind("hash") byte[] hash, @Bind("now") Instant now);

  @SqlUpdate(
      """
      insert into password_resets (token_hash, user_id, created_at, expires_at)
      values (:hash, :userId, :now, :expiresAt)""")
  void insertReset(
      @Bind("hash") byte[] hash, @Bind("userId") UUID userId, @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("select user_id from password_resets where token_hash = :hash and used_at is null and expires_at > :now")
  Optional<UUID> findUsableReset(@Bind("hash") byte[] hash, @Bind("now") Instant now);

  /** Consumes a reset token and returns its user; empty when used, expired or unknown. */
  @SqlQuery(
      """
      update password_resets set used_at = :now
      where token_hash = :hash and used_at is null and expires_at > :now
      returning user_id""")
  Optional<UUID> useReset(@Bind("hash") byte[] hash, @Bind("now") Instant now);

  /** A successful reset voids the user's other outstanding reset links. */
  @SqlUpdate("update password_resets set used_at = :now where user_id = :userId and used_at is null")
  int voidResets(@Bind("userId") UUID userId, @Bind("now") Instant now);
}
