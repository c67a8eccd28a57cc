package io.gau.shared.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own errors (unknown route, wrong method, wrong content type, oversize entity...) as the JSON
 * envelope instead of Jersey's HTML/plain pages. Keeps {@code Allow} and {@code Retry-After} headers.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (original.hasEntity() && original.getEntity() instanceof ErrorResponse) {
      return original;
    }
    Response.ResponseBuilder builder =
        ErrorResponses.builder(status, ErrorResponses.codeFor(status), messageOf(e, status));
    for (String header : new String[] {"Allow", "Retry-After", "WWW-Authenticate", "Content-Range"}) {
      Object value = original.getHeaders().getFirst(header);
      if (value != null) {
        builder.header(header, value);
      }
    }
    return builder.build();
  }

  private static String messageOf(WebApplicationException e, int status) {
    // Jersey's messages for 4xx are safe and specific ("HTTP 415 Unsupported Media Type"); 5xx never leak
    if (status < 500 && e.getMessage() != null && !e.getMessage().startsWith("HTTP ")) {
      return e.getMessage();
    }
    return ErrorResponses.messageFor(status);
  }
}
