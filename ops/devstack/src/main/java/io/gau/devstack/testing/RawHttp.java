package io.gau.devstack.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte on a socket, as an attacker's tool would: the request target is
 * sent exactly as given (matrix parameters, encoded separators, dot segments, backslashes), which HTTP client
 * libraries normalise or refuse. {@code Connection: close}, so the answer ends with the stream.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A status line, the headers (lower-case names) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    public Answer send(String method, String target, Map<String, String> headers, String body) {
        return send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with a body of raw bytes ({@code null}: no body and no Content-Length). */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e.getMessage(), e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        String bodyText = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? dechunk(body) : new String(body, StandardCharsets.UTF_8);
        return new Answer(status, headers, bodyText);
    }

    private static String dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        try {
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) != '\n' && c >= 0) {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (n == 0) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(in.readNBytes(n));
                in.skip(2);
            }
        } catch (IOException | NumberFormatException e) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
