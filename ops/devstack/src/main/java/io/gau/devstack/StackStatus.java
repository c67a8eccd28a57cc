package io.gau.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the local stack runs and where, probed live: the one table printed by {@code up} and {@code status}.
 */
final class StackStatus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern DEFAULT_KEY = Pattern.compile("PRIVATE_KEY:-([^}]*)}");

    private final Infra infra;
    private final List<Service> services;
    private final String privateKey;

    StackStatus(Infra infra, List<Service> services, String privateKey) {
        this.infra = infra;
        this.services = services;
        this.privateKey = privateKey;
    }

    /** GAU_PRIVATE_KEY or PRIVATE_KEY from the environment, else the dev default in config/local/authorization.yml. */
    static String privateKey(Path root, Map<String, String> env) {
        for (String name : List.of("GAU_PRIVATE_KEY", "PRIVATE_KEY")) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        Path config = root.resolve("config/local/authorization.yml");
        try {
            var matcher = DEFAULT_KEY.matcher(Files.readString(config));
            return matcher.find() ? matcher.group(1) : "(no PRIVATE_KEY default in " + config + ")";
        } catch (IOException e) {
            return "(unknown: " + root.relativize(config) + " not readable)";
        }
    }

    /** Records the ports in use so that {@code status} from another process probes the right ones. */
    static void save(Path file, InfraPorts ports, boolean system, List<Service> services) throws IOException {
        var props = new Properties();
        props.setProperty("mode", system ? "system" : "embedded");
        props.setProperty("ports", String.join(",", List.of(
                ports.postgres(), ports.redis(), ports.amqp(), ports.s3(), ports.smtp(), ports.pop3(), ports.imap())
                .stream().map(String::valueOf).toList()));
        props.setProperty("services", String.join(",", services.stream().map(Service::name).toList()));
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "written by DevStack up");
        }
    }

    /** The saved description of a running stack, or the defaults from the environment. */
    static StackStatus load(Path root, Path file, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(file)) {
            boolean system = "system".equalsIgnoreCase(env.get("GAU_INFRA"));
            InfraPorts ports = InfraPorts.fromEnv(env);
            return new StackStatus(system ? Infra.system(ports) : Infra.embedded(ports),
                    Service.selected(env.get("GAU_SERVICES")), privateKey(root, env));
        }
        var props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        int[] p = java.util.Arrays.stream(props.getProperty("ports").split(",")).mapToInt(Integer::parseInt).toArray();
        var ports = new InfraPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        boolean system = "system".equals(props.getProperty("mode"));
        return new StackStatus(system ? Infra.system(ports) : Infra.embedded(ports),
                Service.selected(props.getProperty("services", "")), privateKey(root, env));
    }

    /** "healthy" when the admin healthcheck answers 200. */
    static String health(Service service) {
        try {
            var request = HttpRequest.newBuilder(URI.create(service.adminUrl() + "/healthcheck"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "healthy" : "unhealthy (" + status + ")";
        } catch (IOException e) {
            return "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "down";
        }
    }

    static String listening(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return "up";
        } catch (IOException e) {
            return "down";
        }
    }

    String render() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "URL", "ADMIN / DETAILS", "STATUS"});
        for (Service service : services) {
            rows.add(new String[] {service.artifact(), service.url(), service.adminUrl(), health(service)});
        }
        String pg = infra.postgresHost();
        rows.add(new String[] {"PostgreSQL", infra.jdbcUrl("gau_*"), "user " + infra.postgresUser() + ", no password",
                listening(pg, infra.postgresPort())});
        rows.add(new String[] {"Redis", "redis://" + infra.redisHost() + ":" + infra.redisPort(), "",
                listening(infra.redisHost(), infra.redisPort())});
        rows.add(new String[] {"AMQP", infra.amqpUri(), "", listening(infra.amqpHost(), infra.amqpPort())});
        rows.add(new String[] {"S3", infra.s3Endpoint(), infra.s3AccessKey() + " / " + infra.s3SecretKey()
                + " (" + infra.s3Region() + ")", listening(Infra.LOOPBACK, infra.s3Port())});
        rows.add(new String[] {"SMTP", "smtp://" + infra.smtpHost() + ":" + infra.smtpPort(), "captures all mail",
                listening(infra.smtpHost(), infra.smtpPort())});
        rows.add(new String[] {"POP3", "pop3://" + infra.smtpHost() + ":" + infra.pop3Port(),
                "login = password = recipient", listening(infra.smtpHost(), infra.pop3Port())});
        rows.add(new String[] {"IMAP", "imap://" + infra.smtpHost() + ":" + infra.imapPort(),
                "login = password = recipient", listening(infra.smtpHost(), infra.imapPort())});
        rows.add(new String[] {"Private-Key", privateKey, "", "the local operator caller (authorization, upload)"});
        return format(rows);
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        var out = new StringBuilder();
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
