package io.gau.shared.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an {@code X-Request-Id} (the caller's when it is sane, else a new UUID), echoes it
 * in the response and puts it in the logging MDC as {@code requestId} for every log line of the request.
 */
@PreMatching
@Priority(1)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  // a caller-supplied id lands in our logs: accept only short, printable, unambiguous values
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String PROPERTY = RequestIdFilter.class.getName();

  /** Whether a caller-supplied id may be echoed and logged as it is. */
  public static boolean isSafe(String id) {
    return SAFE_ID.matcher(id).matches();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String presented = request.getHeaderString(HEADER);
    String id = presented != null && SAFE_ID.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    request.setProperty(PROPERTY, id);
    MDC.put(MDC_KEY, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROPERTY);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    MDC.remove(MDC_KEY);
  }
}
