package io.gau.authorization.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gau.authorization.core.TokenService;
import io.gau.shared.authorization.api.ValidateTokenResponse;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.PrivateKeyFilter;
import io.gau.shared.http.RequestIdFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v2/authorization/token/validate} as a plain servlet: the hottest route of the system (every
 * authenticated call of every service passes through it), where JAX-RS dispatch, filters and entity providers
 * cost several times the validation itself (see docs/authorization.md, Benchmark). Same contract as the other
 * routes: {@code Private-Key} required, the shared error envelope, {@code Retry-After} on 503.
 */
public class ValidateServlet extends HttpServlet {
  public static final String PATH = "/api/v2/authorization/token/validate";
  private static final Logger LOG = LoggerFactory.getLogger(ValidateServlet.class);
  private static final String JSON = "application/json";

  private final transient TokenService tokens;
  private final transient PrivateKeyFilter privateKey;
  private final transient ObjectWriter validWriter;
  private final transient ObjectWriter errorWriter;
  private final transient Timer timer;
  private final transient Meter refused;

  public ValidateServlet(TokenService tokens, PrivateKeyFilter privateKey, ObjectMapper json, MetricRegistry metrics) {
    this.tokens = tokens;
    this.privateKey = privateKey;
    this.validWriter = json.writerFor(ValidateTokenResponse.class);
    this.errorWriter = json.writerFor(ErrorResponse.class);
    // the names the Jersey route's @Timed/@ExceptionMetered used, so dashboards keep working
    this.timer = metrics.timer(MetricRegistry.name(TokenResource.class, "validate"));
    this.refused = metrics.meter(MetricRegistry.name(TokenResource.class, "validate", "exceptions"));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try (Timer.Context ignored = timer.time()) {
      echoRequestId(request, response);
      byte[] body;
      try {
        checkPrivateKey(request.getHeader(PrivateKeyFilter.HEADER));
        // parameters are parsed only when there is a query string (callers mostly send the header)
        String query = request.getQueryString() == null ? null : request.getParameter("token");
        String token =
            query != null && !query.isBlank() ? query : TokenResource.stripBearer(request.getHeader("Authorization"));
        body = validWriter.writeValueAsBytes(new ValidateTokenResponse("Access token is valid", 200, tokens.validate(token)));
      } catch (ApiException e) {
        refused.mark();
        e.retryAfterSeconds().ifPresent(s -> response.setHeader("Retry-After", Integer.toString(s)));
        write(response, e.status(), errorWriter.writeValueAsBytes(new ErrorResponse(e.getMessage(), e.status(), e.code())));
        return;
      } catch (RuntimeException e) {
        refused.mark();
        LOG.error("token validation failed", e);
        write(response, 500, errorWriter.writeValueAsBytes(
            new ErrorResponse("There was an error processing your request", 500, "internal_error")));
        return;
      }
      write(response, 200, body);
    }
  }

  private void checkPrivateKey(String presented) {
    if (presented == null || presented.isEmpty()) {
      throw ApiException.unauthorized("private_key_required", "Private-Key header is required");
    }
    if (!privateKey.matches(presented)) {
      throw ApiException.unauthorized("private_key_invalid", "Invalid private key");
    }
  }

  private static void echoRequestId(HttpServletRequest request, HttpServletResponse response) {
    String id = request.getHeader(RequestIdFilter.HEADER);
    if (id != null && RequestIdFilter.isSafe(id)) {
      response.setHeader(RequestIdFilter.HEADER, id);
    }
  }

  private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentType(JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
