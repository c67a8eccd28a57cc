package io.gau.authorization;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jdbi3.bundles.JdbiExceptionsBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.gau.shared.GauBundle;
import io.gau.shared.http.PrivateKeyFilter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import redis.clients.jedis.RedisClient;

/** gau-authorization: issues, renews, validates and revokes tokens for internal callers. */
public class AuthorizationApplication extends Application<AuthorizationConfiguration> {

  public static void main(String[] args) throws Exception {
    new AuthorizationApplication().run(args);
  }

  @Override
  public String getName() {
    return "gau-authorization";
  }

  @Override
  public void initialize(Bootstrap<AuthorizationConfiguration> bootstrap) {
    bootstrap.addBundle(new GauBundle());
    bootstrap.addBundle(new JdbiExceptionsBundle());
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DataSourceFactory getDataSourceFactory(AuthorizationConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
  }

  @Override
  public void run(AuthorizationConfiguration configuration, Environment environment) {
    Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), "postgresql");
    RedisClient redis = configuration.getRedis().build(environment);

    environment.jersey().register(new PrivateKeyFilter(configuration.getPrivateKey(), List.of("api/v2/authorization")));
  }
}
