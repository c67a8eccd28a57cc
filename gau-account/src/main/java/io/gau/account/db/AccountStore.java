package io.gau.account.db;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The account database: runs core code against the DAOs, in one transaction or on one handle. */
public class AccountStore {
  private final Jdbi jdbi;

  public AccountStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Runs {@code work} in one READ COMMITTED transaction: all its writes land, or none. */
  public <T> T inTransaction(Function<Daos, T> work) {
    return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> work.apply(Daos.on(handle)));
  }

  /** Runs {@code work} on one handle in auto-commit mode (reads, single statements). */
  public <T> T read(Function<Daos, T> work) {
    return jdbi.withHandle(handle -> work.apply(Daos.on(handle)));
  }

  /** The name of the unique constraint that {@code failure} violated, if that is what it is. */
  public static Optional<String> violatedUniqueConstraint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        ServerErrorMessage detail = t instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return Optional.of(detail == null || detail.getConstraint() == null ? "" : detail.getConstraint());
      }
    }
    return Optional.empty();
  }
}
