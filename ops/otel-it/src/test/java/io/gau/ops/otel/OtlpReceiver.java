package io.gau.ops.otel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP collector on a free loopback port: {@code POST /v1/traces} with
 * {@code application/x-protobuf} bodies (gzip or not) is decoded and kept; metrics and logs are acknowledged.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::traces);
        server.createContext("/", exchange -> answer(exchange, 200));
        server.start();
    }

    /** The value for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/traces). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Requests that were not OTLP protobuf or did not decode; a test fails on any. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void traces(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith("application/x-protobuf")) {
            problems.add(exchange.getRequestMethod() + " /v1/traces with Content-Type " + type);
            answer(exchange, 415);
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            body = (gzip ? new GZIPInputStream(in) : in).readAllBytes();
        }
        try {
            spans.addAll(OtlpTraces.decode(body));
        } catch (RuntimeException e) {
            problems.add("undecodable OTLP request: " + e);
            answer(exchange, 400);
            return;
        }
        answer(exchange, 200);
    }

    /** An empty protobuf message is a valid Export*ServiceResponse (full success). */
    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
