package io.gau.ops.otel;

import java.util.Map;

/** A span as the in-test OTLP receiver decoded it; ids are lower-case hex, a root span has an empty parent. */
record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
        Map<String, String> attributes) {

    /** OTLP SpanKind (0 = unspecified .. 5 = consumer). */
    enum Kind {
        UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

        static Kind of(int value) {
            return value >= 0 && value < values().length ? values()[value] : UNSPECIFIED;
        }
    }

    /** The database system under the old ({@code db.system}) or the stable ({@code db.system.name}) convention. */
    String dbSystem() {
        return attributes.getOrDefault("db.system.name", attributes.getOrDefault("db.system", ""));
    }

    String messagingSystem() {
        return attributes.getOrDefault("messaging.system", "");
    }

    @Override
    public String toString() {
        return service + " " + kind + " '" + name + "' trace=" + traceId + " span=" + spanId + " parent="
                + (parentSpanId.isEmpty() ? "-" : parentSpanId) + " " + attributes;
    }
}
