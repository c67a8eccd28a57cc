package io.gau.devstack;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Redis, AMQP, S3 and SMTP servers embedded in (or started by) this JVM on loopback ports.
 */
public final class EmbeddedInfra implements AutoCloseable {

    /** The servers that can be embedded. */
    public enum Server { POSTGRES, REDIS, AMQP, S3, MAIL }

    /**
     * What to start and where.
     *
     * @param dataDir folder for every server's data, logs and pid files
     * @param fresh   wipe the data folder first (tests) instead of reusing it (local stack)
     */
    public record Options(Path dataDir, InfraPorts ports, boolean fresh, Set<Server> servers) {

        public Options {
            dataDir = dataDir.toAbsolutePath().normalize();
            servers = Set.copyOf(servers);
        }

        public static Options everything(Path dataDir, InfraPorts ports, boolean fresh) {
            return new Options(dataDir, ports, fresh, EnumSet.allOf(Server.class));
        }

        /** Only what a machine lacks when its own PostgreSQL, Redis and RabbitMQ are used. */
        public static Options s3AndMail(Path dataDir, InfraPorts ports, boolean fresh) {
            return new Options(dataDir, ports, fresh, EnumSet.of(Server.S3, Server.MAIL));
        }
    }

    private final Options options;
    private final PostgresServer postgres;
    private final EmbeddedRedis redis;
    private final AmqpServer amqp;
    private final S3Server s3;
    private final MailServer mail;
    private final List<EmbeddedServer> started = new ArrayList<>();

    private EmbeddedInfra(Options options) {
        this.options = options;
        Path data = options.dataDir();
        InfraPorts ports = options.ports();
        Path pids = PidFiles.dir(data);
        this.postgres = new PostgresServer(ports.postgres(), data.resolve("postgres"), data.resolve("logs"),
                pids.resolve("postgres.pid"), options.fresh());
        this.redis = new EmbeddedRedis(ports.redis(), data.resolve("redis"), pids.resolve("redis.pid"), !options.fresh());
        this.amqp = new AmqpServer(ports.amqp(), data.resolve("qpid"));
        this.s3 = new S3Server(ports.s3(), data.resolve("s3"));
        this.mail = new MailServer(ports.smtp(), ports.pop3(), ports.imap());
    }

    /** Stops leftovers of an earlier run in the same data folder, then starts the servers (about 3 s). */
    public static EmbeddedInfra start(Options options) {
        var infra = new EmbeddedInfra(options);
        try {
            infra.startAll();
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    private void startAll() {
        Path data = options.dataDir();
        PidFiles.stopLeftovers(data);
        if (options.fresh()) {
            deleteRecursively(data);
        }
        createDirectories(data.resolve("logs"));
        // Qpid, zonky and redis unpack into java.io.tmpdir: make sure it exists (failsafe points it at target/tmp)
        createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Set<Server> wanted = options.servers();
        if (wanted.contains(Server.POSTGRES)) {
            startServer(postgres);
        }
        if (wanted.contains(Server.REDIS)) {
            startServer(redis);
        }
        if (wanted.contains(Server.AMQP)) {
            startServer(amqp);
        }
        if (wanted.contains(Server.S3)) {
            startServer(s3);
        }
        if (wanted.contains(Server.MAIL)) {
            mail.startMailboxes();
            startServer(mail);
        }
    }

    private void startServer(EmbeddedServer server) {
        server.start();
        started.add(server);
    }

    /** Connection details; for servers not started here they are the configured (unused) ports. */
    public Infra infra() {
        return Infra.embedded(options.ports());
    }

    public Options options() {
        return options;
    }

    /** The mail store; every message ever received is kept until {@link #close()}. */
    public GreenMail greenMail() {
        require(Server.MAIL);
        return mail.greenMail();
    }

    public void stopRedis() {
        require(Server.REDIS);
        redis.stop();
    }

    public void startRedis() {
        require(Server.REDIS);
        redis.start();
    }

    public void stopSmtp() {
        require(Server.MAIL);
        mail.stop();
    }

    public void startSmtp() {
        require(Server.MAIL);
        mail.start();
    }

    public void stopS3() {
        require(Server.S3);
        s3.stop();
    }

    public void startS3() {
        require(Server.S3);
        s3.start();
    }

    public void stopAmqp() {
        require(Server.AMQP);
        amqp.stop();
    }

    public void startAmqp() {
        require(Server.AMQP);
        amqp.start();
    }

    private void require(Server server) {
        if (!options.servers().contains(server)) {
            throw new IllegalStateException(server + " is not embedded here");
        }
    }

    /** Stops every server in reverse start order; safe to call twice. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            EmbeddedServer server = started.get(i);
            server.stop();
            if (server == mail) {
                mail.stopMailboxes();
            }
        }
        started.clear();
    }

    /** Stops whatever an earlier, killed run left behind in {@code dataDir} (PostgreSQL, redis-server, services). */
    public static void stopLeftovers(Path dataDir) {
        PidFiles.stopLeftovers(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
