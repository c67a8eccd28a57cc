package io.gau.shared.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.errors.ErrorResponses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (ambiguous or malformed URIs, oversize headers, errors outside Jersey) as
 * the JSON envelope instead of HTML or an empty body, so a client never has to parse two error formats.
 * The server-level handler must be a core Jetty handler: the servlet one declines requests that never
 * reached a servlet context, and Jetty then answers with an empty body.
 */
public class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Installs JSON error handling on the server and on every servlet context (the app and admin ports). */
  public static void install(Server server) {
    server.setErrorHandler(new JsonErrorHandler());
    for (ServletContextHandler context : server.getDescendants(ServletContextHandler.class)) {
      context.setErrorHandler(new ServletContextJsonErrorHandler());
    }
  }

  /** Jetty writes error bodies only for GET, POST and HEAD by default: a DELETE or PATCH got an empty 400. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    // whatever the client accepts: an error is always the JSON envelope
    writeJson(response, callback, code);
  }

  static boolean writeJson(Response response, Callback callback, int code) {
    byte[] body = body(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static byte[] body(int code) {
    try {
      return JSON.writeValueAsBytes(
          new ErrorResponse(ErrorResponses.messageFor(code), code, ErrorResponses.codeFor(code)));
    } catch (IOException e) {
      throw new IllegalStateException("the error envelope always serialises", e);
    }
  }

  /** The same JSON body for errors raised inside a servlet context (e.g. {@code sendError}). */
  static class ServletContextJsonErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
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
        Throwable cause) {
      return writeJson(response, callback, code);
    }
  }
}
