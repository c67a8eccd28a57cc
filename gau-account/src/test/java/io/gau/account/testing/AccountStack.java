package io.gau.account.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.gau.account.AccountConfiguration;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import io.gau.devstack.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;

/**
 * The account service with its real neighbours in this JVM, started once for all integration tests:
 * gau-authorization and gau-upload (each on its own fresh GauInfra database / Redis index), then
 * gau-account against a fresh database, Redis index and the embedded broker. Mail leaves through the
 * outbox to {@code email_exchange}; a test queue bound to {@code email.*} captures it.
 */
public final class AccountStack {
  /** What account sends to authorization, and (a different key) to upload, as in production. */
  public static final String AUTHORIZATION_KEY = "it-account-to-authorization-key-0123456789";
  public static final String UPLOAD_KEY = "it-account-to-upload-key-0123456789-0123456";
  private static final String SIGNING_SECRET = "it-signing-key-secret-0123456789-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The OAuth client id the test stack accepts for Google sign-in. */
  public static final String GOOGLE_CLIENT_ID = "it-client.apps.googleusercontent.com";
  private static AccountStack instance;

  private final GauInfra gau = GauInfra.get();
  private final FakeGoogle google = FakeGoogle.get();
  private final Infra infra = gau.infra();
  private final TestDatabase accountDb = gau.newDatabase("account");
  private final String mailQueue = gau.uniqueName("it-mail");
  private final List<JsonNode> mails = new CopyOnWriteArrayList<>();
  private final DropwizardTestSupport<?> authorization;
  private final DropwizardTestSupport<?> upload;
  private final DropwizardTestSupport<AccountConfiguration> account;
  private final int accountPort;
  private Connection amqp;

  public static synchronized AccountStack get() {
    if (instance == null) {
      try {
        instance = new AccountStack();
      } catch (Exception e) {
        throw new IllegalStateException("test stack did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  private AccountStack() throws Exception {
    TestDatabase authDb = gau.newDatabase("auth");
    migrate(new TestApps.Authorization(), "authorization", authDb,
        Map.of("dw.internalCallers.account", AUTHORIZATION_KEY, "dw.signingKeySecret", SIGNING_SECRET));
    ConfigOverride[] authOverrides = common(authDb, gau.newRedisDatabase(), 0,
        ConfigOverride.config("internalCallers.account", AUTHORIZATION_KEY),
        ConfigOverride.config("signingKeySecret", SIGNING_SECRET),
        ConfigOverride.config("maintenance.keyActivationDelay", "0s"));
    authorization = new DropwizardTestSupport<>(TestApps.Authorization.class, config("authorization"), authOverrides);
    start(authorization, authOverrides);

    ConfigOverride[] uploadOverrides = List.of(
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("internalCallers.account", UPLOAD_KEY),
        ConfigOverride.config("storage.endpoint", infra.s3Endpoint()),
        ConfigOverride.config("redis.host", infra.redisHost()),
        ConfigOverride.config("redis.port", String.valueOf(infra.redisPort())),
        ConfigOverride.config("redis.database", String.valueOf(gau.newRedisDatabase())),
        ConfigOverride.config("cdn.baseUrl", "http://cdn.test"),
        ConfigOverride.config("logging.level", "WARN")).toArray(ConfigOverride[]::new);
    upload = new DropwizardTestSupport<>(TestApps.Upload.class, config("upload"), uploadOverrides);
    start(upload, uploadOverrides);

    bindMailQueue();
    migrate(new TestApps.Account(), "account", accountDb, Map.of());
    accountPort = freePort();
    ConfigOverride[] accountOverrides =
        common(accountDb, gau.newRedisDatabase(), accountPort,
            ConfigOverride.config("amqp.uri", infra.amqpUri()),
            ConfigOverride.config("authorizationCallerKey", AUTHORIZATION_KEY),
            ConfigOverride.config("uploadCallerKey", UPLOAD_KEY),
            ConfigOverride.config("authorizationUrl", "http://127.0.0.1:" + authorization.getLocalPort()),
            ConfigOverride.config("uploadUrl", "http://127.0.0.1:" + upload.getLocalPort()),
            ConfigOverride.config("cdnUrl", "http://cdn.test"),
            ConfigOverride.config("publicBaseUrl", "http://127.0.0.1:" + accountPort),
            ConfigOverride.config("outbox.pollInterval", "100ms"),
            ConfigOverride.config("security.mailInterval", "1s"),
            ConfigOverride.config("google.clientIds[0]", GOOGLE_CLIENT_ID),
            ConfigOverride.config("google.certificatesUrl", google.certificatesUrl()),
            ConfigOverride.config("google.tokeninfoUrl", google.tokeninfoUrl()),
            ConfigOverride.config("google.userinfoUrl", google.userinfoUrl()),
            ConfigOverride.config("google.pictureHosts", "*.googleusercontent.com,localhost"));
    account = new DropwizardTestSupport<>(TestApps.Account.class, config("account"), accountOverrides);
    start(account, accountOverrides);
  }

  /** The account service's configuration as it runs (after the overrides). */
  public AccountConfiguration config() {
    return account.getConfiguration();
  }

  /** Overrides travel as dw.* system properties: clear them so the next app's config does not see them. */
  private static void start(DropwizardTestSupport<?> app, ConfigOverride[] overrides) throws Exception {
    try {
      app.before();
    } finally {
      for (ConfigOverride override : overrides) {
        override.removeFromSystemProperties();
      }
    }
  }

  /** Mail links need the port before the app starts, so the account port is chosen up front. */
  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public API root, e.g. {@code http://127.0.0.1:PORT/api/v2/account}. */
  public String api() {
    return "http://127.0.0.1:" + account.getLocalPort() + "/api/v2/account";
  }

  public String root() {
    return "http://127.0.0.1:" + account.getLocalPort();
  }

  public Jdbi accountDb() {
    return Jdbi.create(accountDb.jdbcUrl(), accountDb.user(), accountDb.password() == null ? "" : accountDb.password());
  }

  public GauInfra gau() {
    return gau;
  }

  /** Waits for a mail with that template to that address and returns its JSON message. */
  public JsonNode awaitMail(String recipient, String template, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      drainMailQueue();
      for (JsonNode m : mails) {
        if (recipient.equals(m.path("recipient").asText()) && template.equals(m.path("template").asText())) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + template + " mail to " + recipient + " within " + timeout);
  }

  /** All mails captured so far to that address. */
  public List<JsonNode> mailsTo(String recipient) throws Exception {
    drainMailQueue();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : mails) {
      if (recipient.equals(m.path("recipient").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  private synchronized void drainMailQueue() throws Exception {
    if (amqp == null || !amqp.isOpen()) {
      bindMailQueue();
    }
    try (Channel channel = amqp.createChannel()) {
      GetResponse r;
      while ((r = channel.basicGet(mailQueue, true)) != null) {
        mails.add(JSON.readTree(new String(r.getBody(), StandardCharsets.UTF_8)));
      }
    }
  }

  private synchronized void bindMailQueue() {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(infra.amqpUri());
      amqp = factory.newConnection("account-it-mail");
      try (Channel channel = amqp.createChannel()) {
        channel.exchangeDeclare("email_exchange", "topic", true);
        channel.queueDeclare(mailQueue, true, false, false, null);
        channel.queueBind(mailQueue, "email_exchange", "email.*");
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot bind the test mail queue", e);
    }
  }

  private ConfigOverride[] common(TestDatabase db, int redisDb, int port, ConfigOverride... extra) {
    List<ConfigOverride> list = new ArrayList<>(List.of(
        ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port)),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("database.url", db.jdbcUrl()),
        ConfigOverride.config("database.user", db.user()),
        ConfigOverride.config("database.password", db.password() == null ? "" : db.password()),
        ConfigOverride.config("redis.host", infra.redisHost()),
        ConfigOverride.config("redis.port", String.valueOf(infra.redisPort())),
        ConfigOverride.config("redis.database", String.valueOf(redisDb)),
        ConfigOverride.config("logging.level", "WARN")));
    list.addAll(List.of(extra));
    return list.toArray(ConfigOverride[]::new);
  }

  private static void migrate(Application<?> app, String service, TestDatabase db, Map<String, String> extra) {
    Map<String, String> props = new java.util.HashMap<>(Map.of(
        "dw.database.url", db.jdbcUrl(),
        "dw.database.user", db.user(),
        "dw.database.password", db.password() == null ? "" : db.password()));
    props.putAll(extra);
    props.forEach(System::setProperty);
    try {
      app.run("db", "migrate", config(service));
    } catch (Exception e) {
      throw new IllegalStateException("db migrate of " + service + " failed", e);
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
  }

  private static String config(String service) {
    return Path.of(System.getProperty("gau.root", ".."), "config", "local", service + ".yml").toString();
  }

  private void stop() {
    for (DropwizardTestSupport<?> app : new DropwizardTestSupport<?>[] {account, upload, authorization}) {
      try {
        if (app != null) {
          app.after();
        }
      } catch (RuntimeException ignored) {
        // the JVM is exiting
      }
    }
  }
}
