package io.gau.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Embedded PostgreSQL (zonky binaries) whose data folder survives restarts unless fresh data is asked for.
 */
final class PostgresServer extends EmbeddedServer {

    private final Path dataDir;
    private final Path logFile;
    private final Path pidFile;
    private final boolean fresh;
    private EmbeddedPostgres postgres;

    PostgresServer(int port, Path dataDir, Path logDir, Path pidFile, boolean fresh) {
        super("PostgreSQL", port);
        this.dataDir = dataDir;
        this.logFile = logDir.resolve("postgres.log");
        this.pidFile = pidFile;
        this.fresh = fresh;
    }

    @Override
    void doStart() throws Exception {
        Files.createDirectories(dataDir);
        var builder = EmbeddedPostgres.builder()
                .setPort(port())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // a file, not a pipe to this JVM: the server must survive our kill -9 without SIGPIPE
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .setServerConfig("listen_addresses", Infra.LOOPBACK)
                .setServerConfig("max_connections", "300");
        if (fresh) {
            // test data is thrown away anyway: trade durability for speed
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
        }
        postgres = builder.start();
        PidFiles.readPid(dataDir.resolve("postmaster.pid"))
                .ifPresent(pid -> PidFiles.write(pidFile, pid, "postgres"));
    }

    @Override
    void doStop() throws Exception {
        try {
            postgres.close();
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }
}
