package io.gau.devstack;

/**
 * The machine's own PostgreSQL (5432, user postgres, trust), Redis (6379) and RabbitMQ (5672, guest/guest),
 * plus embedded S3 and SMTP, which such a machine lacks.
 */
public final class SystemInfra implements AutoCloseable {

    private final EmbeddedInfra s3AndMail;

    private SystemInfra(EmbeddedInfra s3AndMail) {
        this.s3AndMail = s3AndMail;
    }

    /** Starts the embedded S3 and mail servers of {@code options} (its other servers are ignored). */
    public static SystemInfra start(EmbeddedInfra.Options options) {
        var only = EmbeddedInfra.Options.s3AndMail(options.dataDir(), options.ports(), options.fresh());
        return new SystemInfra(EmbeddedInfra.start(only));
    }

    public Infra infra() {
        return Infra.system(s3AndMail.options().ports());
    }

    /** The embedded S3 and mail servers. */
    public EmbeddedInfra embedded() {
        return s3AndMail;
    }

    @Override
    public void close() {
        s3AndMail.close();
    }
}
