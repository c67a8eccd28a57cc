package io.gau.shared.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: anything unmapped is logged with an id and answered as a bare 500 envelope, so no stack
 * trace, SQL or driver text ever reaches a client.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String id = UUID.randomUUID().toString();
    LOG.error("Unexpected error {}", id, e);
    return ErrorResponses.of(500, "internal_error", "Internal Server Error (error id " + id + ")");
  }
}
