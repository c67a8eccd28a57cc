package io.gau.shared.http;

import io.gau.shared.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies above a size with 413, by declared length or while a chunked body streams in. */
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  private final long maxBytes;

  public RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }
  }

  private jakarta.ws.rs.core.Response tooLarge() {
    return ErrorResponses.of(413, "payload_too_large", "Request body is larger than " + maxBytes + " bytes");
  }

  private final class LimitedInputStream extends FilterInputStream {
    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        consumed(n);
      }
      return n;
    }

    private void consumed(int n) {
      remaining -= n;
      if (remaining < 0) {
        throw new WebApplicationException(tooLarge());
      }
    }
  }
}
