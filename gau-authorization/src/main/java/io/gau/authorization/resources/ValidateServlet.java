package io.gau.authorization.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gau.authorization.core.RevocationChecks;
import io.gau.authorization.core.TokenService;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.authorization.api.ValidateTokenResponse;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.PrivateKeyFilter;
import io.gau.shared.http.RequestIdFilter;
import jakarta.servlet.AsyncContext;
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
  private final transient RevocationChecks revocations;
  private final transient PrivateKeyFilter privateKey;
  private final transient ObjectWriter validWriter;
  /**
   * The 200 body of each token validated recently, keyed by the claims instance the codec remembers for that
   * token (weak keys compare by identity): a token is validated many times in its life, and writing the JSON
   * cost more than the rest of the answer.
   */
  private final transient Cache<AccessTokenClaims, byte[]> validBodies =
      Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();
  private final transient ObjectWriter errorWriter;
  private final transient Timer timer;
  private final transient Meter refused;

  public ValidateServlet(
      TokenService tokens,
      RevocationChecks revocations,
      PrivateKeyFilter privateKey,
      ObjectMapper json,
      MetricRegistry metrics) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.privateKey = privateKey;
    this.validWriter = json.writerFor(ValidateTokenResponse.class);
    this.errorWriter = json.writerFor(ErrorResponse.class);
    // the names the Jersey route's @Timed/@ExceptionMetered used, so dashboards keep working
    this.timer = metrics.timer(MetricRegistry.name(TokenResource.class, "validate"));
    this.refused = metrics.meter(MetricRegistry.name(TokenResource.class, "validate", "exceptions"));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Timer.Context timing = timer.time();
    echoRequestId(request, response);
    AccessTokenClaims claims;
    try {
      checkPrivateKey(request.getHeader(PrivateKeyFilter.HEADER));
      // parameters are parsed only when there is a query string (callers mostly send the header)
      String query = request.getQueryString() == null ? null : request.getParameter("token");
      String token =
          query != null && !query.isBlank() ? query : TokenResource.stripBearer(request.getHeader("Authorization"));
      claims = tokens.verify(token);
    } catch (ApiException e) {
      refuse(response, e);
      timing.stop();
      return;
    } catch (RuntimeException e) {
      failed(response, e);
      timing.stop();
      return;
    }
    // the revocation check answers on its own thread: this one goes back to serve other requests meanwhile
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // bounded by the Redis client's timeouts, which end in a 503
    revocations.check(Long.parseLong(claims.sessionId()), new Answer(claims, response, async, timing));
  }

  /** Writes the response once the session's bit is known. */
  private final class Answer implements RevocationChecks.Outcome {
    private final AccessTokenClaims claims;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final Timer.Context timing;

    Answer(AccessTokenClaims claims, HttpServletResponse response, AsyncContext async, Timer.Context timing) {
      this.claims = claims;
      this.response = response;
      this.async = async;
      this.timing = timing;
    }

    @Override
    public void checked(boolean revoked) {
      finish(() -> {
        if (revoked) {
          refuse(response, TokenService.revoked());
        } else {
          write(response, 200, validBodies.get(claims, ValidateServlet.this::validBody));
        }
      });
    }

    @Override
    public void failed(ApiException error) {
      finish(() -> refuse(response, error));
    }

    private void finish(Writing writing) {
      try {
        writing.run();
      } catch (IOException | RuntimeException e) {
        LOG.debug("validate response not written: {}", e.toString()); // the caller has gone
      } finally {
        async.complete();
        timing.stop();
      }
    }
  }

  private interface Writing {
    void run() throws IOException;
  }

  private byte[] validBody(AccessTokenClaims claims) {
    try {
      return validWriter.writeValueAsBytes(new ValidateTokenResponse("Access token is valid", 200, claims));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a validation response", e);
    }
  }

  private void refuse(HttpServletResponse response, ApiException e) throws IOException {
    refused.mark();
    e.retryAfterSeconds().ifPresent(s -> response.setHeader("Retry-After", Integer.toString(s)));
    write(response, e.status(), errorWriter.writeValueAsBytes(new ErrorResponse(e.getMessage(), e.status(), e.code())));
  }

  private void failed(HttpServletResponse response, RuntimeException e) throws IOException {
    refused.mark();
    LOG.error("token validation failed", e);
    write(response, 500, errorWriter.writeValueAsBytes(
        new ErrorResponse("There was an error processing your request", 500, "internal_error")));
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
