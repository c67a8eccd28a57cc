package io.gau.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tries an internal service's wall as an attacker would: each route, called as it succeeds with a caller's key,
 * without a key, with a key of another service, and under every {@link PathTricks} spelling of its path. The
 * routes are suppliers, so each attempt gets fresh fixtures (single-use tokens would otherwise hide a success).
 */
public final class InternalApiProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request that succeeds with a key: the canonical path, a query ("" or "?..."), headers and body. */
    public record Call(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public static Call of(String method, String path, String query, Map<String, String> headers, String body) {
            return new Call(method, path, query, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the tricks found: how many requests were sent and those not refused as they should be. */
    public record Findings(int tried, List<String> notRefused) {}

    private final RawHttp http;

    public InternalApiProbe(String host, int port) {
        this.http = new RawHttp(host, port);
    }

    public RawHttp.Answer send(Call call, String key) {
        return send(call, call.path(), key);
    }

    /** The call with its path spelled {@code path}; {@code key} null sends no Private-Key. */
    public RawHttp.Answer send(Call call, String path, String key) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        if (key != null) {
            headers.put("Private-Key", key);
        }
        return http.send(call.method(), path + call.query(), headers, call.body());
    }

    /**
     * For each route: 2xx with {@code key}, 401 {@code private_key_required} without a key, 401
     * {@code private_key_invalid} with {@code foreignKey}. Returns what did not hold.
     */
    public List<String> keyProblems(List<Supplier<Call>> routes, String key, String foreignKey) {
        List<String> problems = new ArrayList<>();
        for (Supplier<Call> route : routes) {
            Call call = route.get();
            String what = call.method() + " " + call.path();
            RawHttp.Answer allowed = send(call, key);
            if (allowed.status() < 200 || allowed.status() > 299) {
                problems.add(what + " with the caller's key -> " + allowed.status() + " " + allowed.body());
            }
            expect(problems, what + " without a key", send(route.get(), null), 401, "private_key_required");
            expect(problems, what + " with another service's key", send(route.get(), foreignKey), 401,
                    "private_key_invalid");
        }
        return problems;
    }

    /**
     * Every spelling of every route's path, with and without {@code key}. Without a key only 400 (the path) or
     * 401 (the key) may answer; with one, anything but a success; always in the JSON envelope.
     */
    public Findings pathTricks(List<Supplier<Call>> routes, String key) {
        List<String> notRefused = new ArrayList<>();
        int tried = 0;
        for (Supplier<Call> route : routes) {
            int spellings = PathTricks.of(route.get().path()).size();
            for (int t = 0; t < spellings; t++) {
                for (String presented : new String[] {null, key}) {
                    Call call = route.get();
                    String path = PathTricks.of(call.path()).get(t);
                    RawHttp.Answer answer = send(call, path, presented);
                    tried++;
                    boolean refused = presented == null
                            ? answer.status() == 400 || answer.status() == 401
                            : answer.status() >= 400;
                    if (!refused || !isEnvelope(answer)) {
                        notRefused.add(call.method() + " " + path + (presented == null ? " (no key)" : " (key)")
                                + " -> " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        return new Findings(tried, notRefused);
    }

    /** Whether the answer is the JSON error envelope {@code {"error","status","code"}} with its own status. */
    public static boolean isEnvelope(RawHttp.Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body != null && body.hasNonNull("error") && body.path("status").asInt() == answer.status()
                    && body.hasNonNull("code");
        } catch (Exception e) {
            return false;
        }
    }

    private static void expect(List<String> problems, String what, RawHttp.Answer answer, int status, String code) {
        String actualCode = "";
        try {
            actualCode = JSON.readTree(answer.body()).path("code").asText();
        } catch (Exception e) {
            // not JSON: reported below
        }
        if (answer.status() != status || !code.equals(actualCode) || !isEnvelope(answer)) {
            problems.add(what + " -> " + answer.status() + " " + answer.body() + " (expected " + status + " " + code + ")");
        }
    }
}
