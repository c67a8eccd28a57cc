package io.gau.account.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Links between Google accounts ({@code sub}) and Gau users. */
public interface GoogleIdentityDao {
  @SqlQuery("select user_id from google_identities where subject = :subject")
  Optional<UUID> findUser(@Bind("subject") String subject);

  @SqlUpdate(
      """
      insert into google_identities (subject, user_id, email, created_at) values (:subject, :userId, :email, :now)
      on conflict (subject) do nothing""")
  int link(@Bind("subject") String subject, @Bind("userId") UUID userId, @Bind("email") String email, @Bind("now") Instant now);
}
