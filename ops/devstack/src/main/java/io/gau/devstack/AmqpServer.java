package io.gau.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * Embedded Apache Qpid Broker-J speaking AMQP 0-9-1, in memory, with the guest/guest user on vhost "/".
 */
final class AmqpServer extends EmbeddedServer {

    private final Path workDir;
    private SystemLauncher launcher;

    AmqpServer(int port, Path workDir) {
        super("AMQP", port);
        this.workDir = workDir;
    }

    @Override
    void doStart() throws Exception {
        Files.createDirectories(workDir);
        var config = AmqpServer.class.getResource("qpid-config.json");
        launcher = new SystemLauncher();
        launcher.startup(Map.of(
                "type", "Memory",
                "initialConfigurationLocation", config.toExternalForm(),
                "startupLoggedToSystemOut", false,
                "context", Map.of(
                        "qpid.amqp_port", Integer.toString(port()),
                        // otherwise Qpid writes into ${user.dir}/work
                        "qpid.work_dir", workDir.toAbsolutePath().toString(),
                        "qpid.home_dir", workDir.toAbsolutePath().toString())));
    }

    @Override
    void doStop() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException e) {
            // at JVM exit Qpid's own shutdown hook may have stopped the broker already
        }
    }
}
