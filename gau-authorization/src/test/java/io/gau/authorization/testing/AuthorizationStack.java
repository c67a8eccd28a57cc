package io.gau.authorization.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.gau.authorization.AuthorizationConfiguration;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import io.gau.devstack.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fresh authorization database (migrated with the real {@code db migrate} command) and Redis database
 * from GauInfra, and the overrides that point an application instance at them.
 */
public final class AuthorizationStack {
  /** The key of the caller "account". */
  public static final String PRIVATE_KEY = "it-private-key-0123456789-0123456789-abcdef";
  /** A key that another service (upload) accepts from account, and this one must not. */
  public static final String OTHER_SERVICE_KEY = "it-upload-caller-key-0123456789-0123456789";
  public static final String SIGNING_KEY_SECRET = "it-signing-key-secret-0123456789-0123456789";

  private final GauInfra gau = GauInfra.get();
  private final TestDatabase database;
  private final int redisDatabase;

  private AuthorizationStack(TestDatabase database, int redisDatabase) {
    this.database = database;
    this.redisDatabase = redisDatabase;
  }

  public static AuthorizationStack migrated() {
    AuthorizationStack stack = unmigrated();
    stack.migrate();
    return stack;
  }

  public static AuthorizationStack unmigrated() {
    GauInfra gau = GauInfra.get();
    return new AuthorizationStack(gau.newDatabase("auth"), gau.newRedisDatabase());
  }

  public GauInfra gau() {
    return gau;
  }

  public static String configPath() {
    return Path.of(System.getProperty("gau.root", ".."), "config", "local", "authorization.yml").toString();
  }

  public TestDatabase database() {
    return database;
  }

  public int redisDatabase() {
    return redisDatabase;
  }

  public Infra infra() {
    return gau.infra();
  }

  /** Runs {@code db migrate} against this stack's database, with the same overrides the app gets. */
  public void migrate() {
    Map<String, String> props =
        Map.of(
            "dw.database.url", database.jdbcUrl(),
            "dw.database.user", database.user(),
            "dw.database.password", database.password() == null ? "" : database.password(),
            "dw.internalCallers.account", PRIVATE_KEY,
            "dw.signingKeySecret", SIGNING_KEY_SECRET);
    props.forEach(System::setProperty);
    try {
      TestAuthorizationApplication.runCommand("db", "migrate", configPath());
    } catch (Exception e) {
      throw new IllegalStateException("db migrate failed", e);
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
  }

  /** A whole application instance against this stack (port 0); extra overrides win. */
  public DropwizardAppExtension<AuthorizationConfiguration> app(ConfigOverride... extra) {
    List<ConfigOverride> overrides =
        new ArrayList<>(
            List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", database.jdbcUrl()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password() == null ? "" : database.password()),
                ConfigOverride.config("redis.host", gau.infra().redisHost()),
                ConfigOverride.config("redis.port", Integer.toString(gau.infra().redisPort())),
                ConfigOverride.config("redis.database", Integer.toString(redisDatabase)),
                ConfigOverride.config("internalCallers.account", PRIVATE_KEY),
                ConfigOverride.config("signingKeySecret", SIGNING_KEY_SECRET),
                ConfigOverride.config("logging.level", "WARN")));
    overrides.addAll(Arrays.asList(extra));
    return new DropwizardAppExtension<>(
        TestAuthorizationApplication.class, configPath(), overrides.toArray(ConfigOverride[]::new));
  }
}
