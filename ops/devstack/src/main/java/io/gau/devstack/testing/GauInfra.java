package io.gau.devstack.testing;

import com.icegreen.greenmail.util.GreenMail;
import io.gau.devstack.EmbeddedInfra;
import io.gau.devstack.Infra;
import io.gau.devstack.InfraPorts;
import io.gau.devstack.QuietLogging;
import io.gau.devstack.SystemInfra;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real servers shared by every integration test of a JVM: embedded on random ports by default, or the
 * machine's own PostgreSQL/Redis/RabbitMQ when {@code GAU_TEST_INFRA=system} (or {@code -Dgau.test.infra=system}).
 */
public final class GauInfra {

    private static final Object LOCK = new Object();
    private static volatile GauInfra instance;

    private final EmbeddedInfra servers;
    private final Infra infra;
    private final boolean embedded;
    private final AtomicInteger redisDatabases = new AtomicInteger();
    private volatile S3Client s3;

    private GauInfra(EmbeddedInfra servers, Infra infra, boolean embedded) {
        this.servers = servers;
        this.infra = infra;
        this.embedded = embedded;
    }

    /** Starts the servers on first use (thread-safe); a shutdown hook stops them when the JVM exits. */
    public static GauInfra get() {
        GauInfra result = instance;
        if (result == null) {
            synchronized (LOCK) {
                result = instance;
                if (result == null) {
                    result = startShared();
                    instance = result;
                }
            }
        }
        return result;
    }

    private static GauInfra startShared() {
        QuietLogging.apply();
        // one folder per JVM under the module's target/: concurrent forks and the local stack's .gau/ never mix
        Path root = Path.of(System.getProperty("user.dir"), "target", "gau-test-infra");
        stopDeadRuns(root);
        var options = EmbeddedInfra.Options.everything(
                root.resolve(Long.toString(ProcessHandle.current().pid())), InfraPorts.randomFree(), true);
        // the env variable, or -Dgau.test.infra=system where a build passes the parent's property through
        boolean system = "system".equalsIgnoreCase(System.getenv("GAU_TEST_INFRA"))
                || "system".equalsIgnoreCase(System.getProperty("gau.test.infra"));
        GauInfra started;
        if (system) {
            var systemInfra = SystemInfra.start(options);
            started = new GauInfra(systemInfra.embedded(), systemInfra.infra(), false);
        } else {
            var embeddedInfra = EmbeddedInfra.start(options);
            started = new GauInfra(embeddedInfra, embeddedInfra.infra(), true);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "gau-test-infra-stop"));
        return started;
    }

    /** Earlier test JVMs that were killed leave PostgreSQL and redis-server running: stop them, drop their data. */
    private static void stopDeadRuns(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> runs = Files.list(root)) {
            for (Path run : runs.toList()) {
                boolean alive = run.getFileName().toString().matches("\\d+")
                        && ProcessHandle.of(Long.parseLong(run.getFileName().toString())).isPresent();
                if (!alive) {
                    EmbeddedInfra.stopLeftovers(run);
                    deleteQuietly(run);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + root, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a half-deleted old run folder is harmless
        }
    }

    private void close() {
        S3Client client = s3;
        if (client != null) {
            client.close();
        }
        servers.close();
    }

    public Infra infra() {
        return infra;
    }

    /** True when PostgreSQL, Redis and AMQP are embedded (not the machine's own servers). */
    public boolean embedded() {
        return embedded;
    }

    /** Creates a new, uniquely named, empty database. */
    public TestDatabase newDatabase(String prefix) {
        String name = uniqueName(prefix).replaceAll("[^a-z0-9_]", "_");
        try (var connection = DriverManager.getConnection(
                infra.jdbcUrl("postgres"), infra.postgresUser(), infra.postgresPassword());
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new TestDatabase(name, infra.jdbcUrl(name), infra.postgresUser(), infra.postgresPassword());
    }

    /**
     * A Redis logical database (1..15, round-robin; 0 is left alone) that has just been flushed.
     */
    public int newRedisDatabase() {
        int index = 1 + Math.floorMod(redisDatabases.getAndIncrement(), 15);
        try (var jedis = new Jedis(infra.redisHost(), infra.redisPort())) {
            jedis.select(index);
            jedis.flushDB();
        }
        return index;
    }

    /** Creates a new, uniquely named, empty bucket. */
    public String newBucket(String prefix) {
        String name = uniqueName(prefix).replaceAll("[^a-z0-9-]", "-");
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
        }
        String bucket = name.replaceAll("^-+", "");
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** {@code prefix-<random>}, lower case, for queue/exchange names and key prefixes. */
    public String uniqueName(String prefix) {
        String random = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return prefix.toLowerCase(Locale.ROOT) + "-" + random;
    }

    /** Every message delivered to the address so far (the embedded GreenMail keeps them all). */
    public List<MimeMessage> mailsTo(String address) {
        return greenMail().findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), m -> true)
                .toList();
    }

    public GreenMail greenMail() {
        return servers.greenMail();
    }

    /** A sync S3 client for the test S3 server, path-style, shared and closed at exit. */
    public S3Client s3() {
        S3Client client = s3;
        if (client == null) {
            synchronized (this) {
                client = s3;
                if (client == null) {
                    client = S3Client.builder()
                            .endpointOverride(URI.create(infra.s3Endpoint()))
                            .region(Region.of(infra.s3Region()))
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(infra.s3AccessKey(), infra.s3SecretKey())))
                            .forcePathStyle(true)
                            .build();
                    s3 = client;
                }
            }
        }
        return client;
    }

    // Fault injection. Redis and AMQP can only be stopped when embedded (the test is skipped otherwise);
    // S3 and SMTP are always embedded.

    public void stopRedis() {
        assumeEmbedded();
        servers.stopRedis();
    }

    public void startRedis() {
        assumeEmbedded();
        servers.startRedis();
    }

    public void stopAmqp() {
        assumeEmbedded();
        servers.stopAmqp();
    }

    public void startAmqp() {
        assumeEmbedded();
        servers.startAmqp();
    }

    public void stopSmtp() {
        servers.stopSmtp();
    }

    public void startSmtp() {
        servers.startSmtp();
    }

    public void stopS3() {
        servers.stopS3();
    }

    public void startS3() {
        servers.startS3();
    }

    private void assumeEmbedded() {
        Assumptions.assumeTrue(embedded, "needs embedded servers (GAU_TEST_INFRA=system uses the machine's own)");
    }
}
