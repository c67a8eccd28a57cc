package io.gau.shared.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.errors.ErrorResponses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages (bad URIs, oversize headers, errors outside Jersey) as the JSON envelope instead of
 * HTML, so a client never has to parse two error formats.
 */
public class JsonErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Installs this handler on the server and on every servlet context (the app and admin ports). */
  public static void install(org.eclipse.jetty.server.Server server) {
    JsonErrorHandler handler = new JsonErrorHandler();
    server.setErrorHandler(handler);
    for (org.eclipse.jetty.ee10.servlet.ServletContextHandler context :
        server.getDescendants(org.eclipse.jetty.ee10.servlet.ServletContextHandler.class)) {
      context.setErrorHandler(handler);
    }
  }

  /** Errors Jetty answers before any handler runs (ambiguous URI, oversize headers). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int code) {
    try {
      return JSON.writeValueAsBytes(
          new ErrorResponse(ErrorResponses.messageFor(code), code, ErrorResponses.codeFor(code)));
    } catch (IOException e) {
      throw new IllegalStateException("the error envelope always serialises", e);
    }
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause)
      throws IOException {
    byte[] body = body(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
