package io.gau.ops.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.devstack.Infra;
import io.gau.devstack.testing.GauInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gau-authorization, gau-account and gau-email run from their shaded jars with the real OpenTelemetry agent,
 * exporting to an in-test OTLP/HTTP receiver; the tests drive requests and read the traces that arrive.
 * Requests carry a W3C {@code traceparent} made up by the test, so each request's trace is known exactly.
 */
class TracePropagationIT {
    private static final String PRIVATE_KEY = "otel-it-private-key-0123456789abcdef-0123456789";
    private static final Duration SPAN_WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static OtlpReceiver receiver;
    private static ServiceProcess authorization;
    private static ServiceProcess account;
    private static ServiceProcess email;

    @BeforeAll
    static void startServicesWithTheAgent() throws Exception {
        Path agent = Path.of(System.getProperty("gau.otel.agent", "target/otel/opentelemetry-javaagent.jar"));
        assumeTrue(Files.isRegularFile(agent), "no OpenTelemetry agent at " + agent + " (the Maven build fetches it)");
        Path root = Path.of(System.getProperty("gau.root", "../..")).toAbsolutePath().normalize();
        receiver = new OtlpReceiver();

        GauInfra gau = GauInfra.get();
        Infra infra = gau.infra();
        Map<String, String> common = new HashMap<>(Map.of(
                "DB_USER", infra.postgresUser(), "DB_PASSWORD", infra.postgresPassword(),
                "REDIS_HOST", infra.redisHost(), "REDIS_PORT", Integer.toString(infra.redisPort()),
                "AMQP_URI", infra.amqpUri(), "PRIVATE_KEY", PRIVATE_KEY,
                "SMTP_HOST", infra.smtpHost(), "SMTP_PORT", Integer.toString(infra.smtpPort())));
        authorization = ServiceProcess.create("authorization");
        account = ServiceProcess.create("account");
        email = ServiceProcess.create("email");
        Files.deleteIfExists(Path.of(System.getProperty("user.dir"), "target", "otel-it-logs", "traces.txt"));
        Map<String, String> authorizationEnv = with(common, "DB_URL", gau.newDatabase("otel_authorization").jdbcUrl());
        Map<String, String> accountEnv = with(with(common, "DB_URL", gau.newDatabase("otel_account").jdbcUrl()),
                "AUTHORIZATION_URL", authorization.url());

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> migrate(authorization, root, authorizationEnv)),
                CompletableFuture.runAsync(() -> migrate(account, root, accountEnv))).join();
        authorization.start(root, agent, receiver.endpoint(), authorizationEnv);
        email.start(root, agent, receiver.endpoint(), common);
        account.start(root, agent, receiver.endpoint(), accountEnv);
        authorization.awaitHealthy();
        email.awaitHealthy();
        account.awaitHealthy();
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {account, email, authorization}) {
            if (service != null) {
                service.close();
            }
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @AfterEach
    void everyExportWasValidOtlpProtobuf() {
        assertThat(receiver.problems()).isEmpty();
    }

    @Test
    void authorizationRequestsArriveAsServerSpansOfGauAuthorizationWithJdbcAndRedisChildren() throws Exception {
        String device = "otel-it-" + UUID.randomUUID();
        Traceparent issue = Traceparent.random();
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(authorization.url() + "/api/v2/authorization/token"))
                .header("Private-Key", PRIVATE_KEY).header("X-Device-ID", device).header("traceparent", issue.header())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission\":\"user\"}")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String refresh = JSON.readTree(issued.body()).get("refresh_token").asText();

        Traceparent logout = Traceparent.random();
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(authorization.url() + "/api/v2/authorization/token"))
                .header("Private-Key", PRIVATE_KEY).header("X-Refresh-Token", refresh).header("traceparent", logout.header())
                .DELETE());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        // issue: PostgreSQL only; logout: PostgreSQL first (source of truth), then the Redis revocation bitmap
        ReceivedSpan issueServer = awaitServerSpan("gau-authorization", issue);
        assertThat(issueServer.name()).isEqualTo("POST /api/v2/authorization/token");
        awaitDescendant(issueServer, s -> s.dbSystem().equals("postgresql"), "a JDBC span (db.system postgresql)");

        ReceivedSpan logoutServer = awaitServerSpan("gau-authorization", logout);
        assertThat(logoutServer.name()).isEqualTo("DELETE /api/v2/authorization/token");
        ReceivedSpan jdbc = awaitDescendant(logoutServer, s -> s.dbSystem().equals("postgresql"), "a JDBC span");
        ReceivedSpan redis = awaitDescendant(logoutServer, s -> s.dbSystem().equals("redis"), "a Redis span");
        assertThat(List.of(jdbc, redis)).allSatisfy(span -> {
            assertThat(span.service()).isEqualTo("gau-authorization");
            assertThat(span.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
        });
        print("logout trace", trace(logout.traceId()));
    }

    @Test
    void oneLoginIsOneTraceFromAccountIntoAuthorization() throws Exception {
        String address = "otel-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 8);
        register(address, password, Traceparent.random());

        Traceparent login = Traceparent.random();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(account.url() + "/api/v2/account/basic/login"))
                .header("Content-Type", "application/json").header("X-Device-ID", "otel-it-device")
                .header("traceparent", login.header())
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("email", address, "password", password)))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        ReceivedSpan accountServer = awaitServerSpan("gau-account", login);
        // the account's outgoing call carries the context: authorization's server span is its child, same trace
        ReceivedSpan authorizationServer = awaitDescendant(accountServer,
                s -> s.service().equals("gau-authorization") && s.kind() == ReceivedSpan.Kind.SERVER,
                "gau-authorization's server span");
        assertThat(authorizationServer.name()).isEqualTo("POST /api/v2/authorization/token");
        ReceivedSpan call = byId(authorizationServer.traceId(), authorizationServer.parentSpanId()).orElseThrow();
        assertThat(call.service()).isEqualTo("gau-account");
        assertThat(call.kind()).isEqualTo(ReceivedSpan.Kind.CLIENT);
        awaitDescendant(authorizationServer, s -> s.dbSystem().equals("postgresql"), "authorization's JDBC span");
        print("login trace", trace(login.traceId()));
    }

    @Test
    void oneMailIsOneTraceFromTheOutboxPublishToTheEmailConsumer() throws Exception {
        String address = "otel-mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Traceparent registration = Traceparent.random();
        register(address, "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 8), registration);
        await().atMost(SPAN_WAIT).until(() -> !GauInfra.get().mailsTo(address).isEmpty());

        // the relay publishes from its own thread, so each publish starts a trace; the consumer continues it
        ReceivedSpan consumer = await().atMost(SPAN_WAIT).until(() -> receiver.spans().stream()
                .filter(s -> s.service().equals("gau-email") && s.kind() == ReceivedSpan.Kind.CONSUMER)
                .filter(s -> s.messagingSystem().equals("rabbitmq"))
                .filter(s -> ancestors(s).stream().anyMatch(TracePropagationIT::isAccountPublish))
                .findFirst(), Optional::isPresent).orElseThrow();
        ReceivedSpan publish = ancestors(consumer).stream().filter(TracePropagationIT::isAccountPublish).findFirst()
                .orElseThrow();
        assertThat(publish.traceId()).isEqualTo(consumer.traceId());
        assertThat(publish.name()).contains("email_exchange");
        // the consumer hands the message to a worker pool: the idempotency check there is still in this trace
        awaitDescendant(consumer, s -> s.service().equals("gau-email") && s.dbSystem().equals("redis"),
                "gau-email's Redis span on the worker thread");
        print("mail trace", trace(consumer.traceId()));
        print("registration trace", trace(registration.traceId()));
    }

    private static boolean isAccountPublish(ReceivedSpan span) {
        return span.service().equals("gau-account") && span.kind() == ReceivedSpan.Kind.PRODUCER
                && span.messagingSystem().equals("rabbitmq");
    }

    private static void register(String address, String password, Traceparent traceparent) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(account.url() + "/api/v2/account/basic/register"))
                .header("Content-Type", "application/json").header("traceparent", traceparent.header())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", "otel" + UUID.randomUUID().toString().substring(0, 8), "password", password,
                        "fullname", "Trace Tester", "email", address)))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The service's SERVER span that continues the test's traceparent (its parent is the test's span). */
    private static ReceivedSpan awaitServerSpan(String service, Traceparent parent) {
        return await().atMost(SPAN_WAIT).until(() -> trace(parent.traceId()).stream()
                .filter(s -> s.service().equals(service) && s.kind() == ReceivedSpan.Kind.SERVER)
                .filter(s -> s.parentSpanId().equals(parent.spanId()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** A span in the subtree under {@code root}, waiting for late exports. */
    private static ReceivedSpan awaitDescendant(ReceivedSpan root, Predicate<ReceivedSpan> wanted, String what) {
        try {
            return await().atMost(SPAN_WAIT).until(() -> trace(root.traceId()).stream()
                    .filter(wanted).filter(s -> ancestors(s).contains(root))
                    .findFirst(), Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " under " + root + "; the trace has:\n"
                    + trace(root.traceId()).stream().map(ReceivedSpan::toString).collect(Collectors.joining("\n")), e);
        }
    }

    private static List<ReceivedSpan> ancestors(ReceivedSpan span) {
        List<ReceivedSpan> result = new java.util.ArrayList<>();
        Optional<ReceivedSpan> parent = byId(span.traceId(), span.parentSpanId());
        while (parent.isPresent() && result.size() < 100) {
            result.add(parent.get());
            parent = byId(span.traceId(), parent.get().parentSpanId());
        }
        return result;
    }

    private static Optional<ReceivedSpan> byId(String traceId, String spanId) {
        return trace(traceId).stream().filter(s -> s.spanId().equals(spanId)).findFirst();
    }

    private static List<ReceivedSpan> trace(String traceId) {
        return receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Appends the trace to target/otel-it-logs/traces.txt, for a human reading what the agent produced. */
    private static void print(String title, List<ReceivedSpan> spans) throws java.io.IOException {
        String text = "--- " + title + " (" + spans.size() + " spans)\n"
                + spans.stream().map(s -> "  " + s + "\n").collect(Collectors.joining());
        Files.writeString(Path.of(System.getProperty("user.dir"), "target", "otel-it-logs", "traces.txt"), text,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void migrate(ServiceProcess service, Path root, Map<String, String> env) {
        try {
            service.migrate(root, env);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A W3C trace context the test sends as if it were an instrumented client. */
    private record Traceparent(String traceId, String spanId) {
        static Traceparent random() {
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            RANDOM.nextBytes(trace);
            RANDOM.nextBytes(span);
            return new Traceparent(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
        }

        String header() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }
}
