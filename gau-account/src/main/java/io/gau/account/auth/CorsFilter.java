package io.gau.account.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** CORS for the configured origins only (with credentials), answering preflights before routing and auth. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String HEADERS =
      "Origin, Content-Type, Authorization, X-Device-ID, X-Refresh-Token, X-Requested-With, X-Request-Id";

  private final List<String> allowedOrigins;

  public CorsFilter(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if ("OPTIONS".equals(request.getMethod()) && origin != null
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      Response.ResponseBuilder answer = Response.noContent();
      if (allowedOrigins.contains(origin)) {
        answer.header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Credentials", "true")
            .header("Access-Control-Allow-Methods", METHODS)
            .header("Access-Control-Allow-Headers", HEADERS)
            .header("Access-Control-Max-Age", "43200")
            .header("Vary", "Origin");
      }
      request.abortWith(answer.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin != null && allowedOrigins.contains(origin)) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
      response.getHeaders().putSingle("Access-Control-Allow-Credentials", "true");
      response.getHeaders().putSingle("Access-Control-Expose-Headers", "Content-Length, X-Request-Id, Retry-After");
      response.getHeaders().add("Vary", "Origin");
    }
  }
}
