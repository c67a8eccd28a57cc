package io.gau.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The loopback ports of the embedded servers.
 */
public record InfraPorts(int postgres, int redis, int amqp, int s3, int smtp, int pop3, int imap) {

    /** Standard ports a machine may use for real servers, plus the services' own ports: never bound by us. */
    private static final Set<Integer> RESERVED = Set.of(5432, 6379, 5672, 9000, 25,
            8080, 8081, 8082, 8083, 8084, 8180, 8181, 8182, 8183, 8184);

    /** The local stack's fixed defaults. */
    public static final InfraPorts LOCAL_DEFAULTS = new InfraPorts(54320, 63790, 56720, 19000, 2525, 1110, 1143);

    public InfraPorts {
        for (int port : new int[] {postgres, redis, amqp, s3, smtp, pop3, imap}) {
            if (RESERVED.contains(port)) {
                throw new IllegalArgumentException("port " + port + " is reserved for real servers or the services");
            }
        }
    }

    /** The local defaults, each overridable by its GAU_*_PORT variable. */
    public static InfraPorts fromEnv(Map<String, String> env) {
        var d = LOCAL_DEFAULTS;
        return new InfraPorts(
                port(env, "GAU_PG_PORT", d.postgres), port(env, "GAU_REDIS_PORT", d.redis),
                port(env, "GAU_AMQP_PORT", d.amqp), port(env, "GAU_S3_PORT", d.s3),
                port(env, "GAU_SMTP_PORT", d.smtp), port(env, "GAU_POP3_PORT", d.pop3),
                port(env, "GAU_IMAP_PORT", d.imap));
    }

    /**
     * Seven distinct free ports, avoiding the local stack's defaults so tests and `ops/gau up` never collide.
     */
    public static InfraPorts randomFree() {
        var avoid = new HashSet<>(RESERVED);
        var d = LOCAL_DEFAULTS;
        avoid.addAll(Set.of(d.postgres, d.redis, d.amqp, d.s3, d.smtp, d.pop3, d.imap));
        int[] ports = new int[7];
        for (int i = 0; i < ports.length; i++) {
            int port;
            do {
                port = freePort();
            } while (!avoid.add(port));
            ports[i] = port;
        }
        return new InfraPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }
}
