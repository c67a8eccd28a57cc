package io.gau.shared.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns domain {@link ApiException}s into the JSON envelope (with {@code Retry-After} when set). */
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

  @Override
  public Response toResponse(ApiException e) {
    if (e.status() >= 500) {
      // the cause may name a host or a driver error: log it, never send it
      LOG.warn("{} ({}): {}", e.code(), e.status(), e.getMessage(), e.getCause());
    }
    Response.ResponseBuilder builder = ErrorResponses.builder(e.status(), e.code(), e.getMessage());
    e.retryAfterSeconds().ifPresent(s -> builder.header("Retry-After", s));
    return builder.build();
  }
}
