package io.gau.devstack;

/**
 * Connection details of a running set of infrastructure servers (PostgreSQL, Redis, AMQP, S3, SMTP).
 */
public record Infra(
        String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String redisHost, int redisPort,
        String amqpHost, int amqpPort, String amqpUser, String amqpPassword, String amqpVirtualHost,
        String s3Endpoint, String s3AccessKey, String s3SecretKey, String s3Region,
        String smtpHost, int smtpPort, int pop3Port, int imapPort) {

    public static final String LOOPBACK = "127.0.0.1";
    /** Fixed local-only credentials of the embedded s3proxy; never used outside the dev stack and tests. */
    public static final String S3_ACCESS_KEY = "gau-local";
    public static final String S3_SECRET_KEY = "gau-local-secret-key";
    public static final String S3_REGION = "us-east-1";

    /** Every server embedded on the given ports. */
    public static Infra embedded(InfraPorts ports) {
        return new Infra(LOOPBACK, ports.postgres(), "postgres", "",
                LOOPBACK, ports.redis(),
                // empty: Qpid's defaultAlias maps it (and "/") to its one virtual host
                LOOPBACK, ports.amqp(), "guest", "guest", "",
                "http://" + LOOPBACK + ":" + ports.s3(), S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION,
                LOOPBACK, ports.smtp(), ports.pop3(), ports.imap());
    }

    /** The machine's own PostgreSQL, Redis and RabbitMQ on their standard ports; S3 and mail stay embedded. */
    public static Infra system(InfraPorts embeddedPorts) {
        var embedded = embedded(embeddedPorts);
        return new Infra(LOOPBACK, 5432, "postgres", "",
                LOOPBACK, 6379,
                // RabbitMQ's default virtual host is "/" (an empty path would ask for vhost "")
                LOOPBACK, 5672, "guest", "guest", "/",
                embedded.s3Endpoint, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION,
                LOOPBACK, embedded.smtpPort, embedded.pop3Port, embedded.imapPort);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** For example {@code amqp://guest:guest@127.0.0.1:56720/}; RabbitMQ's "/" vhost is written {@code /%2F}. */
    public String amqpUri() {
        return "amqp://" + amqpUser + ":" + amqpPassword + "@" + amqpHost + ":" + amqpPort + "/"
                + java.net.URLEncoder.encode(amqpVirtualHost, java.nio.charset.StandardCharsets.UTF_8);
    }

    public int s3Port() {
        return java.net.URI.create(s3Endpoint).getPort();
    }
}
