package io.gau.authorization;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.bundles.JdbiExceptionsBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.gau.authorization.cli.RebuildRevocationsTask;
import io.gau.authorization.cli.RotateSigningKeyTask;
import io.gau.authorization.core.AccessTokenCodec;
import io.gau.authorization.core.MaintenanceJob;
import io.gau.authorization.core.RevocationBitmap;
import io.gau.authorization.core.RevocationChecks;
import io.gau.authorization.core.SecretBox;
import io.gau.authorization.core.SigningKeyService;
import io.gau.authorization.core.TokenPolicy;
import io.gau.authorization.core.TokenService;
import io.gau.authorization.db.SessionDao;
import io.gau.authorization.db.SigningKeyDao;
import io.gau.authorization.resources.JwksResource;
import io.gau.shared.http.RequestSizeLimitFilter;
import io.gau.authorization.resources.SessionResource;
import io.gau.authorization.resources.TokenResource;
import io.gau.authorization.resources.ValidateHandler;
import io.gau.shared.GauBundle;
import io.gau.shared.db.GauJdbi;
import io.gau.shared.http.InternalApiGuard;
import java.time.InstantSource;
import java.util.Set;
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
    AuthorizationConfiguration.TokensFactory tokensConfig = configuration.getTokens();
    AuthorizationConfiguration.MaintenanceFactory maintenance = configuration.getMaintenance();
    InstantSource clock = InstantSource.system();
    TokenPolicy policy =
        new TokenPolicy(
            tokensConfig.getIssuer(),
            tokensConfig.getAudience(),
            tokensConfig.getAccessTokenLifetime().toJavaDuration(),
            tokensConfig.getRefreshTokenLifetime().toJavaDuration(),
            tokensConfig.getRefreshGrace().toJavaDuration(),
            tokensConfig.getClockSkew().toJavaDuration(),
            (int) tokensConfig.getMaxTokenSize().toBytes());

    Jdbi jdbi = GauJdbi.build(environment, configuration.getDatabase(), "postgresql", SessionDao.class,
        SigningKeyDao.class);
    SessionDao sessions = jdbi.onDemand(SessionDao.class);
    SigningKeyDao signingKeys = jdbi.onDemand(SigningKeyDao.class);
    RedisClient redis = configuration.getRedis().build(environment);

    SecretBox box = new SecretBox(configuration.getSigningKeySecret());
    SigningKeyService keys =
        new SigningKeyService(
            signingKeys, box, clock, maintenance.getKeyActivationDelay().toJavaDuration(),
            policy.longestAccessTokenLife());
    AccessTokenCodec codec = new AccessTokenCodec(keys, policy, clock);
    RevocationBitmap bitmap =
        new RevocationBitmap(redis, sessions, clock, maintenance.getRebuildWait().toJavaDuration());
    TokenService tokens = new TokenService(sessions, codec, bitmap, box, policy, clock);
    MaintenanceJob job =
        new MaintenanceJob(
            keys,
            bitmap,
            sessions,
            policy,
            clock,
            new MaintenanceJob.Schedule(
                maintenance.getKeyReloadInterval().toJavaDuration(),
                maintenance.getReconcileInterval().toJavaDuration(),
                maintenance.getReconcileWindow().toJavaDuration(),
                maintenance.getPurgeInterval().toJavaDuration()));

    environment.jersey().register(new RequestSizeLimitFilter(configuration.getMaxRequestSize().toBytes()));
    environment.jersey().register(new TokenResource(tokens, keys, clock));
    environment.jersey().register(new SessionResource(tokens));
    environment.jersey().register(new JwksResource(keys));
    RevocationChecks revocations = new RevocationChecks(bitmap);
    environment.lifecycle().manage(revocations);
    // validate is answered in front of the servlets (and so of Jersey): see ValidateHandler
    environment.getApplicationContext()
        .insertHandler(
            new ValidateHandler(tokens, revocations, environment.getObjectMapper(), environment.metrics()));
    // inserted last, so it is the outermost handler: validate and the servlets sit behind it
    InternalApiGuard.install(environment, configuration.getInternalCallers(), Set.of(JwksResource.PATH));
    environment.lifecycle().manage(job);
    environment.admin().addTask(new RotateSigningKeyTask(keys));
    environment.admin().addTask(new RebuildRevocationsTask(bitmap));
  }
}
