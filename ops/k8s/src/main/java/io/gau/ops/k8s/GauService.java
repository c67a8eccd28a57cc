package io.gau.ops.k8s;

import java.util.List;

/**
 * One of the five Gau services: its ports, whether it has a database to migrate, and the Secret keys
 * it reads (always through {@code secretKeyRef}, never as a literal value). The keys a service accepts from
 * its internal callers depend on the environment's values and come from {@link InternalCallers}.
 */
public enum GauService {
  ACCOUNT("account", 8080, 8180, true, List.of(
      new SecretKey("gau-account", "DB_PASSWORD", "password of the gau_account PostgreSQL role"),
      new SecretKey(SecretKey.callerSecret("account", "authorization"), SecretKey.CALLER_KEY,
          "the Private-Key account sends to authorization", "AUTHORIZATION_CALLER_KEY"),
      new SecretKey(SecretKey.callerSecret("account", "upload"), SecretKey.CALLER_KEY,
          "the Private-Key account sends to upload", "UPLOAD_CALLER_KEY"),
      new SecretKey("gau-account", "AMQP_URI", "amqp://gau:<password>@rabbitmq:5672/ (producer of email_exchange)"),
      new SecretKey(SecretKey.REDIS_SHARED, "REDIS_PASSWORD", "password of redis-authorization (login limits)"),
      new SecretKey("gau-account", "ACCOUNT_DATA_KEY", "base64 of 32 random bytes; encrypts TOTP secrets at rest"))),
  AUTHORIZATION("authorization", 8081, 8181, true, List.of(
      new SecretKey("gau-authorization", "DB_PASSWORD", "password of the gau_authorization PostgreSQL role"),
      new SecretKey(SecretKey.REDIS_SHARED, "REDIS_PASSWORD", "password of redis-authorization (the token bitmap)"),
      new SecretKey("gau-authorization", "SIGNING_KEY_SECRET", "key-encryption key of the stored ES256 signing keys"))),
  CDN("cdn", 8082, 8182, false, List.of(
      new SecretKey(SecretKey.REDIS_CACHE, "REDIS_PASSWORD", "password of redis-cdn (the image cache)"),
      new SecretKey("gau-cdn", "S3_ACCESS_KEY", "R2/S3 access key id, read-only on the bucket"),
      new SecretKey("gau-cdn", "S3_SECRET_KEY", "R2/S3 secret access key"))),
  UPLOAD("upload", 8083, 8183, false, List.of(
      new SecretKey("gau-upload", "S3_ACCESS_KEY", "R2/S3 access key id, read-write on the bucket"),
      new SecretKey("gau-upload", "S3_SECRET_KEY", "R2/S3 secret access key"),
      new SecretKey(SecretKey.REDIS_CACHE, "REDIS_PASSWORD", "password of redis-cdn (drops cached copies on change)",
          "CDN_REDIS_PASSWORD"))),
  EMAIL("email", 8084, 8184, false, List.of(
      new SecretKey("gau-email", "AMQP_URI", "amqp://gau:<password>@rabbitmq:5672/ (consumer of email_queue)"),
      new SecretKey("gau-email", "SMTP_PASSWORD", "password of the SMTP relay"),
      new SecretKey(SecretKey.REDIS_EMAIL, "REDIS_PASSWORD", "password of redis-email (idempotency claims)")));

  private final String id;
  private final int appPort;
  private final int adminPort;
  private final boolean migrates;
  private final List<SecretKey> secrets;

  GauService(String id, int appPort, int adminPort, boolean migrates, List<SecretKey> secrets) {
    this.id = id;
    this.appPort = appPort;
    this.adminPort = adminPort;
    this.migrates = migrates;
    this.secrets = secrets;
  }

  /** The short name: account, authorization, cdn, upload, email. */
  public String id() {
    return id;
  }

  /** The Kubernetes name of its Deployment, Service, HPA, ...: gau-account etc. */
  public String k8sName() {
    return "gau-" + id;
  }

  public int appPort() {
    return appPort;
  }

  public int adminPort() {
    return adminPort;
  }

  /** Whether it owns a PostgreSQL database and so needs a {@code db migrate} Job. */
  public boolean migrates() {
    return migrates;
  }

  public List<SecretKey> secrets() {
    return secrets;
  }

  /**
   * A key of a Kubernetes Secret that the generated objects reference (but never contain), and the
   * environment variable it becomes ({@code env}; the key's own name unless the service reads it under another).
   * An {@code optional} key may be absent (the pod still starts; the variable is then unset).
   */
  public record SecretKey(String secret, String key, String meaning, String env, boolean optional) {
    public SecretKey(String secret, String key, String meaning, String env) {
      this(secret, key, meaning, env, false);
    }

    public SecretKey(String secret, String key, String meaning) {
      this(secret, key, meaning, key, false);
    }
    /** The key a caller sends, in its Secret {@link #callerSecret}. */
    public static final String CALLER_KEY = "KEY";
    /** Only while a caller's key is rotated: the second key the callee accepts. */
    public static final String CALLER_ROTATING_KEY = "ROTATING_KEY";

    /** The Secret of one caller–callee pair (ops/README.md, "Internal callers and their keys"). */
    public static String callerSecret(String caller, String callee) {
      return "gau-caller-" + caller + "-" + callee;
    }

    /** Secret of the durable Redis of authorization and account (token bitmap, login limits). */
    public static final String REDIS_SHARED = "gau-redis-authorization";
    /** Secret of the LRU image-cache Redis. */
    public static final String REDIS_CACHE = "gau-redis-cdn";
    /** Secret of gau-email's own Redis (its idempotency claims). */
    public static final String REDIS_EMAIL = "gau-redis-email";
  }
}
