package io.gau.account;

import com.rabbitmq.client.Connection;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jdbi3.bundles.JdbiExceptionsBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import io.gau.shared.GauBundle;
import org.jdbi.v3.core.Jdbi;
import redis.clients.jedis.RedisClient;

/** gau-account: the public account API (sign-up, login, MFA, profile, avatar, email verification). */
public class AccountApplication extends Application<AccountConfiguration> {

  public static void main(String[] args) throws Exception {
    new AccountApplication().run(args);
  }

  @Override
  public String getName() {
    return "gau-account";
  }

  @Override
  public void initialize(Bootstrap<AccountConfiguration> bootstrap) {
    bootstrap.addBundle(new GauBundle());
    bootstrap.addBundle(new JdbiExceptionsBundle());
    bootstrap.addBundle(new ViewBundle<>());
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DataSourceFactory getDataSourceFactory(AccountConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
  }

  @Override
  public void run(AccountConfiguration configuration, Environment environment) {
    Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), "postgresql");
    RedisClient redis = configuration.getRedis().build(environment);
    Connection amqp = configuration.getAmqp().build(environment, getName());
  }
}
