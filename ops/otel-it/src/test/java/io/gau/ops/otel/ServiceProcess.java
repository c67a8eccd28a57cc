package io.gau.ops.otel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Gau service run as a separate JVM from its shaded jar, the way {@code ops/gau up --otel} runs it: with
 * {@code -javaagent}, the local config file and free ports; its output goes to {@code target/otel-it-logs/}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int adminPort;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, int adminPort, Path log) {
        this.name = name;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** Allocates the ports now, so that other services can be configured with this one's URL before it starts. */
    static ServiceProcess create(String name) {
        Path logs = Path.of(System.getProperty("user.dir"), "target", "otel-it-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceProcess(name, freePort(), freePort(), logs.resolve(name + ".log"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs {@code db migrate} (no agent: its spans are of no interest) and waits for it to succeed. */
    void migrate(Path root, Map<String, String> env) throws InterruptedException {
        Path migrateLog = log.resolveSibling(name + "-migrate.log");
        Process migrate = launch(root, List.of(java(), "-jar", jar(root), "db", "migrate", config()), env, migrateLog);
        if (!migrate.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || migrate.exitValue() != 0) {
            migrate.destroyForcibly();
            throw new IllegalStateException("migration of gau-" + name + " failed:\n" + tail(migrateLog));
        }
    }

    /** Starts {@code server} with the agent and the OTEL_* settings of {@code ops/gau up --otel}. */
    void start(Path root, Path agent, String otlpEndpoint, Map<String, String> env) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put("HTTP_PORT", Integer.toString(port));
        vars.put("ADMIN_PORT", Integer.toString(adminPort));
        vars.put("OTEL_SERVICE_NAME", "gau-" + name);
        vars.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint);
        vars.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        vars.put("OTEL_TRACES_EXPORTER", "otlp");
        vars.put("OTEL_METRICS_EXPORTER", "none");
        vars.put("OTEL_LOGS_EXPORTER", "none");
        // export every 200 ms instead of 5 s, so that the test does not wait long for its spans
        vars.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        List<String> command = new ArrayList<>(List.of(java(), "-javaagent:" + agent, "-Xms64m", "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar(root), "server", config()));
        process = launch(root, command, vars, log);
    }

    /** Waits until the admin {@code /healthcheck} answers 200; fails early (with the log) if the JVM exits. */
    void awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gau-" + name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gau-" + name + " not healthy after " + STARTUP_TIMEOUT + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
    }

    /** The last lines of the service's output, for assertion messages. */
    String logTail() {
        return tail(log);
    }

    /** SIGTERM (the agent flushes its spans on shutdown), then a kill after 15 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String jar(Path root) {
        return root.resolve("gau-" + name).resolve("target").resolve("gau-" + name + ".jar").toString();
    }

    private String config() {
        return "config/local/" + name + ".yml";
    }

    private static Process launch(Path root, List<String> command, Map<String, String> vars, Path log) {
        var builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()));
        // the test JVM's own agent or OTEL_* settings must not leak into the services
        builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(vars);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
