package io.gau.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack: embedded servers (or the machine's own with GAU_INFRA=system), migrations, then the five
 * services as child processes; {@code up} runs until SIGTERM/SIGINT, {@code status} probes a running stack.
 */
public final class DevStack {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String OTEL_AGENT = "ops/otel/opentelemetry-javaagent.jar";

    /** A running service process and its log. */
    private record Child(Service service, Process process, Path log) {
    }

    /** A startup failure whose message (and log tail) is all the user needs. */
    private static final class StackFailure extends RuntimeException {
        StackFailure(String message) {
            super(message);
        }
    }

    private final Path root;
    private final Map<String, String> env;
    private final Path data;
    private final List<Child> children = new ArrayList<>();
    private volatile EmbeddedInfra servers;
    private volatile MailCapture mailCapture;
    private boolean stopping;

    DevStack(Path root, Map<String, String> env, Path data) {
        this.root = root;
        this.env = env;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Map<String, String> env = System.getenv();
        Path data = root.resolve(env.getOrDefault("GAU_DATA", ".gau")).normalize();
        // before any logger or temp file exists: our own logback file, temp files under .gau/tmp
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-devstack.xml");
        }
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> {
                Path tmp = data.resolve("tmp");
                Files.createDirectories(tmp);
                System.setProperty("java.io.tmpdir", tmp.toString());
                System.exit(new DevStack(root, env, data).up());
            }
            case "status" -> System.out.print(StackStatus.load(root, data.resolve("stack.properties"), env).render());
            default -> {
                System.err.println("usage: DevStack up|status");
                System.exit(2);
            }
        }
    }

    int up() throws Exception {
        Path pidFile = data.resolve("devstack.pid");
        var other = PidFiles.liveProcess(pidFile, "java");
        if (other.isPresent()) {
            System.err.println("[devstack] another devstack is already running (pid " + other.get().pid()
                    + "); stop it with ops/gau down");
            return 1;
        }
        PidFiles.write(pidFile, ProcessHandle.current().pid(), "java");
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "devstack-stop"));
        QuietLogging.apply();
        try {
            List<Service> services = Service.selected(env.get("GAU_SERVICES"));
            requireJars(services);
            if (env.get("GAU_OTEL_ENDPOINT") != null && otelAgent() == null) {
                System.err.println("[devstack] GAU_OTEL_ENDPOINT is set but " + OTEL_AGENT + " is missing: no tracing");
            }
            Infra infra = startInfra();
            createDatabases(infra);
            for (Service service : services) {
                if (service.ownsDatabase()) {
                    migrate(service, childEnv(service, infra));
                }
            }
            for (Service service : services) {
                start(service, childEnv(service, infra));
            }
            awaitHealthy(services);
            System.out.println();
            System.out.print(new StackStatus(infra, services, StackStatus.privateKey(root, env)).render());
            System.out.println();
            System.out.println("[devstack] up. Logs: " + root.relativize(data.resolve("logs"))
                    + "/, mail: " + root.relativize(data.resolve("mail")) + "/. Ctrl-C or ops/gau down stops everything.");
            watchChildren();
            return 0;
        } catch (StackFailure e) {
            System.err.println("[devstack] " + e.getMessage());
            return 1;
        }
    }

    private void requireJars(List<Service> services) {
        for (Service service : services) {
            if (!Files.isRegularFile(jar(service))) {
                throw new StackFailure(root.relativize(jar(service)) + " is missing: build it with "
                        + "mvn -B -DskipTests install (ops/gau up does that)");
            }
        }
    }

    private Path jar(Service service) {
        return root.resolve(service.artifact()).resolve("target").resolve(service.artifact() + ".jar");
    }

    private Infra startInfra() {
        boolean system = "system".equalsIgnoreCase(env.get("GAU_INFRA"));
        InfraPorts ports = InfraPorts.fromEnv(env);
        var options = EmbeddedInfra.Options.everything(data, ports, false);
        System.out.println("[devstack] starting " + (system
                ? "S3 and SMTP (PostgreSQL, Redis and RabbitMQ: the machine's own)"
                : "PostgreSQL, Redis, AMQP, S3 and SMTP") + " in " + root.relativize(data) + "/");
        Infra infra;
        try {
            if (system) {
                var systemInfra = SystemInfra.start(options);
                servers = systemInfra.embedded();
                infra = systemInfra.infra();
            } else {
                servers = EmbeddedInfra.start(options);
                infra = servers.infra();
            }
            StackStatus.save(data.resolve("stack.properties"), ports, system, Service.selected(env.get("GAU_SERVICES")));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new StackFailure(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mailCapture = new MailCapture(servers.greenMail(), data.resolve("mail"));
        mailCapture.start();
        return infra;
    }

    private void createDatabases(Infra infra) {
        try (var connection = DriverManager.getConnection(
                infra.jdbcUrl("postgres"), infra.postgresUser(), infra.postgresPassword())) {
            for (Service service : Service.ALL) {
                if (!service.ownsDatabase()) {
                    continue;
                }
                try (var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    check.setString(1, service.database());
                    if (!check.executeQuery().next()) {
                        try (var create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + service.database());
                        }
                        System.out.println("[devstack] created database " + service.database());
                    }
                }
            }
        } catch (SQLException e) {
            throw new StackFailure("cannot create the databases on " + infra.jdbcUrl("postgres") + ": " + e.getMessage());
        }
    }

    /** The variables config/local/*.yml reads, pointing at the ports actually in use. */
    private Map<String, String> childEnv(Service service, Infra infra) {
        Map<String, String> vars = new HashMap<>(env);
        if (service.ownsDatabase()) {
            vars.put("DB_URL", infra.jdbcUrl(service.database()));
        }
        vars.put("DB_USER", infra.postgresUser());
        vars.put("DB_PASSWORD", infra.postgresPassword());
        vars.put("REDIS_HOST", infra.redisHost());
        vars.put("REDIS_PORT", Integer.toString(infra.redisPort()));
        vars.put("AMQP_URI", infra.amqpUri());
        vars.put("S3_ENDPOINT", infra.s3Endpoint());
        vars.put("S3_ACCESS_KEY", infra.s3AccessKey());
        vars.put("S3_SECRET_KEY", infra.s3SecretKey());
        vars.put("S3_REGION", infra.s3Region());
        vars.put("SMTP_HOST", infra.smtpHost());
        vars.put("SMTP_PORT", Integer.toString(infra.smtpPort()));
        String key = env.get("GAU_PRIVATE_KEY");
        if (key != null && !key.isEmpty()) {
            vars.put("PRIVATE_KEY", key);
        }
        if (otelAgent() != null) {
            vars.put("OTEL_SERVICE_NAME", service.artifact());
            vars.put("OTEL_EXPORTER_OTLP_ENDPOINT", env.get("GAU_OTEL_ENDPOINT"));
        }
        return vars;
    }

    /** The agent path when GAU_OTEL_ENDPOINT asks for tracing and the agent jar is there. */
    private Path otelAgent() {
        String endpoint = env.get("GAU_OTEL_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        Path agent = root.resolve(OTEL_AGENT);
        return Files.isRegularFile(agent) ? agent : null;
    }

    private void migrate(Service service, Map<String, String> childEnv) throws InterruptedException {
        System.out.println("[devstack] migrating " + service.database());
        Path log = data.resolve("logs").resolve(service.name() + "-migrate.log");
        Process process = launch(List.of(java(), "-jar", relative(jar(service)), "db", "migrate", config(service)),
                childEnv, log);
        if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new StackFailure("migration of " + service.artifact() + " timed out\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new StackFailure("migration of " + service.artifact() + " failed (exit " + process.exitValue()
                    + "), " + root.relativize(log) + ":\n" + tail(log));
        }
    }

    private void start(Service service, Map<String, String> childEnv) {
        List<String> command = new ArrayList<>(List.of(java()));
        if (otelAgent() != null) {
            command.add("-javaagent:" + OTEL_AGENT);
        }
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", relative(jar(service)), "server", config(service)));
        Path log = data.resolve("logs").resolve(service.name() + ".log");
        synchronized (this) {
            if (stopping) {
                return;
            }
            System.out.println("[devstack] starting " + service.artifact() + " (log " + root.relativize(log) + ")");
            Process process = launch(command, childEnv, log);
            children.add(new Child(service, process, log));
            PidFiles.write(PidFiles.dir(data).resolve("svc-" + service.name() + ".pid"), process.pid(), "java");
        }
    }

    private Process launch(List<String> command, Map<String, String> vars, Path log) {
        var builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(vars);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StackFailure("cannot run " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    private void awaitHealthy(List<Service> services) throws InterruptedException {
        if (services.isEmpty()) {
            return;
        }
        System.out.println("[devstack] waiting for the services' health checks (up to "
                + STARTUP_TIMEOUT.toSeconds() + " s)");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            requireChildrenAlive();
            var unhealthy = services.stream().filter(s -> !StackStatus.health(s).equals("healthy")).findFirst();
            if (unhealthy.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Service late = unhealthy.get();
                Path log = data.resolve("logs").resolve(late.name() + ".log");
                throw new StackFailure(late.artifact() + " is not healthy after " + STARTUP_TIMEOUT.toSeconds()
                        + " s (" + late.adminUrl() + "/healthcheck: " + StackStatus.health(late) + "), "
                        + root.relativize(log) + ":\n" + tail(log));
            }
            Thread.sleep(1000);
        }
    }

    /** After startup: a service that dies takes the stack down loudly rather than leaving it half working. */
    private void watchChildren() throws InterruptedException {
        while (true) {
            requireChildrenAlive();
            Thread.sleep(1000);
        }
    }

    private void requireChildrenAlive() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            for (Child child : children) {
                if (!child.process().isAlive()) {
                    throw new StackFailure(child.service().artifact() + " exited with code "
                            + child.process().exitValue() + ", " + root.relativize(child.log()) + ":\n"
                            + tail(child.log()));
                }
            }
        }
    }

    /** SIGTERM to every service, up to 10 s grace, then kill; then the servers. Runs as the shutdown hook. */
    private void shutdown() {
        List<Child> running;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = List.copyOf(children);
        }
        System.out.println("[devstack] stopping");
        running.forEach(child -> child.process().destroy());
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (Child child : running) {
            ProcessHandle handle = child.process().toHandle();
            if (!PidFiles.waitForExit(handle, Duration.between(Instant.now(), deadline).abs())) {
                System.err.println("[devstack] " + child.service().artifact() + " ignored SIGTERM: killing it");
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                PidFiles.waitForExit(handle, Duration.ofSeconds(5));
            }
            deleteQuietly(PidFiles.dir(data).resolve("svc-" + child.service().name() + ".pid"));
        }
        if (mailCapture != null) {
            mailCapture.close();
        }
        if (servers != null) {
            servers.close();
        }
        deleteQuietly(data.resolve("stack.properties"));
        if (PidFiles.readPid(data.resolve("devstack.pid")).orElse(-1) == ProcessHandle.current().pid()) {
            deleteQuietly(data.resolve("devstack.pid"));
        }
        System.out.println("[devstack] stopped");
    }

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String config(Service service) {
        return "config/local/" + service.name() + ".yml";
    }

    private String relative(Path path) {
        return root.relativize(path).toString();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to do: a stale file is detected by pid liveness anyway
        }
    }
}
