package io.gau.ops.otel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} (protobuf wire format) into {@link ReceivedSpan}s, reading
 * only the fields the tests look at; hand-written so that no OpenTelemetry or protobuf class is needed.
 */
final class OtlpTraces {

    /** One protobuf field: its number, its varint/fixed value, or its length-delimited bytes. */
    private record Field(int number, long value, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private OtlpTraces() {
    }

    /** ExportTraceServiceRequest{1: ResourceSpans{1: Resource, 2: ScopeSpans{2: Span}}}. */
    static List<ReceivedSpan> decode(byte[] request) {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (Field resourceSpans : fields(request, 1)) {
            String service = "";
            for (Field resource : fields(resourceSpans.bytes(), 1)) {
                service = attributes(resource.bytes(), 1).getOrDefault("service.name", "");
            }
            for (Field scopeSpans : fields(resourceSpans.bytes(), 2)) {
                for (Field span : fields(scopeSpans.bytes(), 2)) {
                    spans.add(span(service, span.bytes()));
                }
            }
        }
        return spans;
    }

    /** Span{1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes}. */
    private static ReceivedSpan span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parentSpanId = "";
        String name = "";
        int kind = 0;
        for (Field field : fields(span, -1)) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parentSpanId = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = field.string();
                case 6 -> kind = (int) field.value();
                default -> {
                    // timestamps, events, links, status: not needed
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parentSpanId, name, ReceivedSpan.Kind.of(kind),
                attributes(span, 9));
    }

    /** Repeated KeyValue{1 key, 2 AnyValue} as strings; AnyValue{1 string, 2 bool, 3 int, 4 double}. */
    private static Map<String, String> attributes(byte[] message, int number) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field keyValue : fields(message, number)) {
            String key = "";
            String value = "";
            for (Field part : fields(keyValue.bytes(), -1)) {
                if (part.number() == 1) {
                    key = part.string();
                } else if (part.number() == 2) {
                    for (Field any : fields(part.bytes(), -1)) {
                        value = switch (any.number()) {
                            case 1 -> any.string();
                            case 2 -> Boolean.toString(any.value() != 0);
                            case 3 -> Long.toString(any.value());
                            case 4 -> Double.toString(Double.longBitsToDouble(any.value()));
                            default -> "(complex)";
                        };
                    }
                }
            }
            attributes.put(key, value);
        }
        return attributes;
    }

    /** The fields of one message level with the given number (-1: all of them), in wire order. */
    private static List<Field> fields(byte[] data, int wanted) {
        List<Field> result = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) {
            long tag = varint(data, pos);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            Field field = switch (wireType) {
                case 0 -> new Field(number, varint(data, pos), null);
                case 1 -> new Field(number, fixed(data, pos, 8), null);
                case 2 -> {
                    int length = (int) varint(data, pos);
                    byte[] bytes = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + length);
                    pos[0] += length;
                    yield new Field(number, 0, bytes);
                }
                case 5 -> new Field(number, fixed(data, pos, 4), null);
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            };
            if (wanted < 0 || number == wanted) {
                result.add(field);
            }
        }
        return result;
    }

    private static long varint(byte[] data, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = data[pos[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /** Little-endian fixed32/fixed64. */
    private static long fixed(byte[] data, int[] pos, int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (long) (data[pos[0] + i] & 0xff) << (8 * i);
        }
        pos[0] += size;
        return result;
    }
}
