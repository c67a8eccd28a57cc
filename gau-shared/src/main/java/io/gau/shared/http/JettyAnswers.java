package io.gau.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers from Jetty handlers that run before Jersey (the internal-API guard, authorization's validate route):
 * the same JSON envelope, {@code Retry-After} and {@code X-Request-Id} echo that Jersey's mappers and filters give.
 */
public final class JettyAnswers {
  private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final ObjectWriter ERROR_WRITER = new ObjectMapper().writerFor(ErrorResponse.class);

  private JettyAnswers() {}

  /** Writes {@code error} as the envelope with its status (and {@code Retry-After} when it has one). */
  public static void error(Response response, Callback callback, ApiException error) {
    error.retryAfterSeconds().ifPresent(s -> response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(s)));
    byte[] body;
    try {
      body = ERROR_WRITER.writeValueAsBytes(new ErrorResponse(error.getMessage(), error.status(), error.code()));
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    json(response, callback, error.status(), body);
  }

  /** Writes a complete JSON body with its length. */
  public static void json(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Echoes the caller's {@code X-Request-Id} when it is safe to, as {@link RequestIdFilter} does for Jersey. */
  public static void echoRequestId(Request request, Response response) {
    String id = request.getHeaders().get(RequestIdFilter.HEADER);
    if (id != null && RequestIdFilter.isSafe(id)) {
      response.getHeaders().put(RequestIdFilter.HEADER, id);
    }
  }
}
