package io.gau.account.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes {@code users}. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS =
      """
      user_id, username, email, email_verified, email_verified_at, pending_email, phone, phone_verified,
      password_hash, fullname, gender, date_of_birth, facebook_url, github_url, avatar_url, permission,
      created_at, updated_at""";

  @SqlUpdate(
      """
      insert into users (user_id, username, email, email_verified, email_verified_at, pending_email, phone,
        phone_verified, password_hash, fullname, gender, date_of_birth, facebook_url, github_url, avatar_url,
        permission, created_at, updated_at)
      values (:userId, :username, :email, :emailVerified, :emailVerifiedAt, :pendingEmail, :phone,
        :phoneVerified, :passwordHash, :fullname, :gender, :dateOfBirth, :facebookUrl, :githubUrl, :avatarUrl,
        :permission, :createdAt, :updatedAt)""")
  void insert(@BindMethods UserRow user);

  @SqlQuery("select " + COLUMNS + " from users where user_id = :id")
  Optional<UserRow> findById(@Bind("id") UUID id);

  @SqlQuery("select " + COLUMNS + " from users where email = :email")
  Optional<UserRow> findByEmail(@Bind("email") String normalizedEmail);

  @SqlQuery("select " + COLUMNS + " from users where username = :username")
  Optional<UserRow> findByUsername(@Bind("username") String normalizedUsername);

  /** Phone numbers are not unique (reference data): the oldest account wins, as a deterministic choice. */
  @SqlQuery("select " + COLUMNS + " from users where phone = :phone order by created_at limit 1")
  Optional<UserRow> findByPhone(@Bind("phone") String phone);

  @SqlUpdate(
      """
      update users set username = :username, fullname = :fullname, gender = :gender,
        date_of_birth = :dateOfBirth, facebook_url = :facebookUrl, github_url = :githubUrl, phone = :phone,
        phone_verified = :phoneVerified, pending_email = :pendingEmail, updated_at = :updatedAt
      where user_id = :userId""")
  int updateProfile(@BindMethods UserRow user);

  @SqlUpdate("update users set password_hash = :hash, updated_at = :now where user_id = :id")
  int updatePasswordHash(@Bind("id") UUID id, @Bind("hash") String hash, @Bind("now") Instant now);

  @SqlUpdate("update users set avatar_url = :url, updated_at = :now where user_id = :id")
  int updateAvatar(@Bind("id") UUID id, @Bind("url") String url, @Bind("now") Instant now);

  /** Makes {@code email} the verified address (a pending change becomes the address). */
  @SqlUpdate(
      """
      update users set email = :email, email_verified = true, email_verified_at = :now,
        pending_email = case when pending_email = :email then null else pending_email end, updated_at = :now
      where user_id = :id""")
  int markEmailVerified(@Bind("id") UUID id, @Bind("email") String email, @Bind("now") Instant now);

  @SqlUpdate("delete from users where user_id = :id")
  int delete(@Bind("id") UUID id);
}
