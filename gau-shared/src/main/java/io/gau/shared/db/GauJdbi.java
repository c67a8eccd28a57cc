package io.gau.shared.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/** The one way a Gau service builds its {@link Jdbi}: Dropwizard's factory (metrics, health check), DAOs warmed. */
public final class GauJdbi {
  private GauJdbi() {}

  /**
   * Builds the Jdbi and computes each DAO's SqlObject metadata once, on the Jdbi's own configuration.
   * Jdbi caches that metadata per configuration, and every handle works on a copy: without this, each
   * {@code attach}/{@code onDemand} call rebuilt the handlers of every method of the DAO by reflection
   * (a third of gau-account's non-hash CPU per login, JFR).
   */
  public static Jdbi build(Environment environment, PooledDataSourceFactory database, String name, Class<?>... daos) {
    Jdbi jdbi = new JdbiFactory().build(environment, database, name);
    Extensions extensions = jdbi.getConfig(Extensions.class);
    ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
        .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
    for (Class<?> dao : daos) {
      extensions.findMetadata(dao, sqlObjects);
    }
    return jdbi;
  }
}
