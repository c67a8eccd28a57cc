package io.gau.shared.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.errors.ErrorResponses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
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
    byte[] body =
        JSON.writeValueAsBytes(new ErrorResponse(ErrorResponses.messageFor(code), code, ErrorResponses.codeFor(code)));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
