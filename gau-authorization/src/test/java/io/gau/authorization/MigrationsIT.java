package io.gau.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.gau.authorization.testing.AuthorizationStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code db migrate} command on a fresh database, run twice as every deployment does. */
class MigrationsIT {

  @Test
  void migratingTwiceCreatesTheSchemaOnceAndTheSecondRunChangesNothing() throws Exception {
    AuthorizationStack stack = AuthorizationStack.unmigrated();
    stack.migrate();
    List<String> first = schema(stack);
    long appliedFirst = count(stack, "SELECT count(*) FROM databasechangelog");
    stack.migrate();
    assertThat(schema(stack)).isEqualTo(first);
    assertThat(count(stack, "SELECT count(*) FROM databasechangelog")).isEqualTo(appliedFirst).isEqualTo(3);
    assertThat(first)
        .contains("table refresh_tokens", "table sessions", "table signing_keys",
            "index refresh_tokens_pkey", "index sessions_user_id", "index sessions_expires_at",
            "index refresh_tokens_session_id", "sequence session_ids");
  }

  private static List<String> schema(AuthorizationStack stack) throws Exception {
    List<String> objects = new ArrayList<>();
    try (Connection connection = connect(stack);
        ResultSet rows = connection.createStatement().executeQuery("""
            SELECT CASE relkind WHEN 'r' THEN 'table' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' END
                   || ' ' || relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND relkind IN ('r', 'i', 'S') AND relname NOT LIKE 'databasechangelog%'
            ORDER BY relname
            """)) {
      while (rows.next()) {
        objects.add(rows.getString(1));
      }
    }
    return objects;
  }

  private static long count(AuthorizationStack stack, String sql) throws Exception {
    try (Connection connection = connect(stack); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect(AuthorizationStack stack) throws Exception {
    return DriverManager.getConnection(
        stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
  }
}
