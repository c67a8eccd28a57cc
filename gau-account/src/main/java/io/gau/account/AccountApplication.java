package io.gau.account;

import com.rabbitmq.client.Connection;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.client.JerseyClientBuilder;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.jdbi3.bundles.JdbiExceptionsBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import io.gau.account.auth.AccessTokenAuthFilter;
import io.gau.account.auth.AccessTokenAuthenticator;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.auth.CorsFilter;
import io.gau.account.auth.TokenCookies;
import io.gau.account.cli.Argon2BenchCommand;
import io.gau.account.client.GoogleClient;
import io.gau.account.client.GooglePictureFetcher;
import io.gau.account.client.UploadClient;
import io.gau.account.config.GoogleFactory;
import io.gau.account.config.SecurityFactory;
import io.gau.shared.http.ClientAddress;
import io.gau.shared.http.RequestSizeLimits;
import io.gau.account.core.AccountService;
import io.gau.account.core.AvatarService;
import io.gau.account.core.GoogleSignInService;
import io.gau.account.core.LoginService;
import io.gau.account.core.Mailer;
import io.gau.account.core.MfaService;
import io.gau.account.core.PasswordHasher;
import io.gau.account.core.PasswordPolicy;
import io.gau.account.core.PasswordService;
import io.gau.account.core.RateLimiter;
import io.gau.account.core.RequestQuotas;
import io.gau.account.core.SecretBox;
import io.gau.account.db.AccountStore;
import io.gau.account.db.Daos;
import io.gau.account.jobs.OutboxRelayJob;
import io.gau.account.resources.AccountResource;
import io.gau.account.resources.LoginResource;
import io.gau.account.resources.MfaResource;
import io.gau.account.resources.PasswordResource;
import io.gau.account.resources.ProfileResource;
import io.gau.account.resources.RegistrationResource;
import io.gau.shared.GauBundle;
import io.gau.shared.db.GauJdbi;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.email.EmailPublisher;
import jakarta.ws.rs.client.Client;
import java.net.URI;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import redis.clients.jedis.RedisClient;

/** gau-account: the public account API (sign-up, login, MFA, profile, avatar, email verification). */
public class AccountApplication extends Application<AccountConfiguration> {

  /** Room for the multipart boundaries and part headers around an avatar of the largest size. */
  private static final long MULTIPART_FRAMING = 64 * 1024;

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
    bootstrap.addBundle(new MultiPartBundle());
    bootstrap.addCommand(new Argon2BenchCommand());
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DataSourceFactory getDataSourceFactory(AccountConfiguration configuration) {
            return configuration.getDatabase();
          }

          // not "migrations.xml": gau-authorization's changelog has that name, and the tests run both in one JVM
          @Override
          public String getMigrationsFileName() {
            return "account-migrations.xml";
          }
        });
  }

  @Override
  public void run(AccountConfiguration configuration, Environment environment) {
    InstantSource clock = InstantSource.system();
    SecurityFactory security = configuration.security;
    ClientAddress clients = new ClientAddress(security.trustedProxies);
    String publicBaseUrl = configuration.publicBaseUrl;

    Jdbi jdbi = GauJdbi.build(environment, configuration.getDatabase(), "postgresql", Daos.TYPES);
    AccountStore store = new AccountStore(jdbi);
    RedisClient redis = configuration.getRedis().build(environment);
    Connection amqp = configuration.getAmqp().build(environment, getName());
    Client http = new JerseyClientBuilder(environment).using(configuration.getHttpClient()).build(getName());

    AuthorizationClient authorization =
        new AuthorizationClient(http, URI.create(configuration.getAuthorizationUrl()), configuration.getAuthorizationCallerKey());
    UploadClient upload = new UploadClient(
        http, URI.create(configuration.getUploadUrl()), configuration.getUploadCallerKey(), configuration.getCdnUrl());
    GoogleFactory googleConfig = configuration.google;
    GooglePictureFetcher pictures = new GooglePictureFetcher(
        GooglePictureFetcher.newHttpClient(googleConfig.pictureTimeout.toJavaDuration(), null),
        googleConfig.pictureHosts, googleConfig.pictureTimeout.toJavaDuration(), googleConfig.pictureMaxSize.toBytes());
    GoogleClient googleClient = new GoogleClient(http, googleConfig.clientIds, googleConfig.issuers,
        googleConfig.certificatesUrl, googleConfig.tokeninfoUrl, googleConfig.userinfoUrl, pictures);

    PasswordHasher hasher = new PasswordHasher(security.argon2MemoryKib, security.argon2Iterations,
        security.argon2Parallelism, security.maxConcurrentHashes);
    PasswordPolicy policy = PasswordPolicy.withBundledDenyList();
    Mailer mailer = new Mailer(environment.getObjectMapper(), clock);
    RateLimiter limiter = new RateLimiter(redis, clock, security.failureWindow.toJavaDuration(), security.maxDelay.toJavaDuration());
    MfaService mfa = new MfaService(store, new SecretBox(security.dataKey), hasher, clock, security.totpIssuer);
    AccountService accounts = new AccountService(store, hasher, policy, mailer, limiter, authorization, clock,
        publicBaseUrl, security.verificationTtl.toJavaDuration(), security.mailInterval.toJavaDuration(),
        new RequestQuotas("signup", security.signUpsPerAddress, security.signUpsPerTarget, security.quotaWindow.toJavaDuration()));
    LoginService logins = new LoginService(store, hasher, limiter, mfa, authorization, mailer, clock,
        security.accountFreeFailures, security.ipFreeFailures, security.mfaChallengeTtl.toJavaDuration(),
        security.mfaMaxAttempts, security.otpIpFreeFailures);
    PasswordService passwords = new PasswordService(store, hasher, policy, mailer, limiter, logins, clock,
        publicBaseUrl, security.resetTtl.toJavaDuration(), security.mailInterval.toJavaDuration(),
        new RequestQuotas("reset", security.resetRequestsPerAddress, security.resetMailsPerTarget,
            security.quotaWindow.toJavaDuration()));
    AvatarService avatars = new AvatarService(store, upload, clock, configuration.avatarMaxSize.toBytes());
    GoogleSignInService google = new GoogleSignInService(store, googleClient, avatars, logins, mailer, clock);
    TokenCookies cookies = new TokenCookies(configuration.cookies);

    RequestSizeLimits.limitJson(environment.getObjectMapper(), configuration.maxRequestSize.toBytes(),
        (int) configuration.maxJsonString.toBytes(), configuration.maxJsonNesting);
    environment.jersey().register(new RequestSizeLimits(configuration.maxRequestSize.toBytes(),
        configuration.avatarMaxSize.toBytes() + MULTIPART_FRAMING));
    environment.jersey().register(new CorsFilter(security.allowedOrigins));
    environment.jersey().register(new AuthDynamicFeature(
        new AccessTokenAuthFilter(new AccessTokenAuthenticator(authorization), security.allowedOrigins)));
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(AccountPrincipal.class));
    environment.jersey().register(new RegistrationResource(accounts, clients));
    environment.jersey().register(new LoginResource(logins, google, cookies, clients));
    environment.jersey().register(new ProfileResource(accounts, avatars));
    environment.jersey().register(new MfaResource(mfa, logins, cookies, clients));
    environment.jersey().register(new PasswordResource(passwords, clients));
    environment.jersey().register(new AccountResource(accounts, cookies));

    if (configuration.outbox.enabled) {
      EmailPublisher publisher = new EmailPublisher(amqp, configuration.outbox.exchange);
      environment.lifecycle().manage(new OutboxRelayJob(store, publisher, environment.getObjectMapper(), clock,
          configuration.outbox.pollInterval.toJavaDuration(), configuration.outbox.batchSize,
          configuration.outbox.maxBackoff.toJavaDuration()));
    }
  }
}
