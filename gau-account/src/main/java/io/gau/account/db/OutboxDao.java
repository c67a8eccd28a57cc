package io.gau.account.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The mail outbox: rows written in the same transaction as the change that needs the mail. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {
  @SqlUpdate(
      """
      insert into outbox (id, routing_key, payload, created_at, next_attempt_at)
      values (:id, :routingKey, cast(:payload as jsonb), :now, :now)""")
  void insert(
      @Bind("id") UUID id, @Bind("routingKey") String routingKey, @Bind("payload") String payload, @Bind("now") Instant now);

  /**
   * Locks a batch of due rows for this transaction. SKIP LOCKED lets another replica take other rows
   * meanwhile, and the lock (held until the rows are marked sent) keeps it from publishing these twice.
   */
  @SqlQuery(
      """
      select id, routing_key, payload::text as payload, attempts from outbox
      where sent_at is null and next_attempt_at <= :now
      order by next_attempt_at
      limit :limit
      for update skip locked""")
  List<OutboxRow> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

  @SqlUpdate("update outbox set sent_at = :now, attempts = attempts + 1 where id = :id")
  int markSent(@Bind("id") UUID id, @Bind("now") Instant now);

  @SqlUpdate("update outbox set attempts = attempts + 1, next_attempt_at = :next where id = :id")
  int markFailed(@Bind("id") UUID id, @Bind("next") Instant nextAttemptAt);

  @SqlQuery("select count(*) from outbox where sent_at is null")
  long countPending();
}
