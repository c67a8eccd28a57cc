package io.gau.authorization.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gau.authorization.core.RevocationChecks;
import io.gau.authorization.core.TokenService;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.authorization.api.ValidateTokenResponse;
import io.gau.shared.errors.ApiException;
import io.gau.shared.http.JettyAnswers;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v2/authorization/token/validate}, answered by a Jetty handler in front of the servlets: the
 * hottest route of the system (every authenticated call of every service passes through it), where JAX-RS
 * dispatch cost several times the validation itself and the servlet layer's asynchronous mode still cost a
 * quarter of it (docs/authorization.md, Benchmark). The signature and claims are checked on the request
 * thread; the revocation bit comes from {@link RevocationChecks}, which answers on its own thread while this
 * one goes back to serving other requests. Same contract as the other routes: {@code Private-Key} required (by
 * the {@link io.gau.shared.http.InternalApiGuard} in front of it), the shared error envelope, {@code Retry-After}
 * on 503, {@code X-Request-Id} echoed.
 */
public class ValidateHandler extends Handler.Wrapper {
  public static final String PATH = "/api/v2/authorization/token/validate";
  private static final Logger LOG = LoggerFactory.getLogger(ValidateHandler.class);
  private static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET");

  private final TokenService tokens;
  private final RevocationChecks revocations;
  private final ObjectWriter validWriter;
  /**
   * The 200 body of each token validated recently, keyed by the claims instance the codec remembers for that
   * token (weak keys compare by identity): a token is validated many times in its life, and writing the JSON
   * cost more than the rest of the answer. Cache upkeep runs on the calling thread (as in AccessTokenCodec).
   */
  private final Cache<AccessTokenClaims, byte[]> validBodies =
      Caffeine.newBuilder().weakKeys().maximumSize(100_000).executor(Runnable::run).build();
  private final Timer timer;
  private final Meter refused;

  public ValidateHandler(
      TokenService tokens,
      RevocationChecks revocations,
      ObjectMapper json,
      MetricRegistry metrics) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.validWriter = json.writerFor(ValidateTokenResponse.class);
    // the names the Jersey route's @Timed/@ExceptionMetered used, so dashboards keep working
    this.timer = metrics.timer(MetricRegistry.name(TokenResource.class, "validate"));
    this.refused = metrics.meter(MetricRegistry.name(TokenResource.class, "validate", "exceptions"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    Timer.Context timing = timer.time();
    Callback timed = Callback.from(callback, timing::stop);
    HttpFields headers = request.getHeaders();
    JettyAnswers.echoRequestId(request, response);
    long sessionId;
    AccessTokenClaims claims;
    try {
      if (!HttpMethod.GET.is(request.getMethod())) {
        response.getHeaders().put(ALLOW_GET);
        throw new ApiException(405, "method_not_allowed", "Method not allowed, use GET");
      }
      claims = tokens.verify(tokenOf(request, headers));
      sessionId = Long.parseLong(claims.sessionId());
    } catch (ApiException e) {
      refuse(response, timed, e);
      return true;
    } catch (RuntimeException e) {
      refused.mark();
      LOG.error("token validation failed", e);
      JettyAnswers.error(response, timed,
          new ApiException(500, "internal_error", "There was an error processing your request"));
      return true;
    }
    revocations.check(sessionId, new Answer(claims, response, timed));
    return true;
  }

  /** Writes the response once the session's bit is known. */
  private final class Answer implements RevocationChecks.Outcome {
    private final AccessTokenClaims claims;
    private final Response response;
    private final Callback callback;

    Answer(AccessTokenClaims claims, Response response, Callback callback) {
      this.claims = claims;
      this.response = response;
      this.callback = callback;
    }

    @Override
    public void checked(boolean revoked) {
      if (revoked) {
        failed(TokenService.revoked());
      } else {
        write(response, callback, 200, validBodies.get(claims, ValidateHandler.this::validBody));
      }
    }

    @Override
    public void failed(ApiException error) {
      refuse(response, callback, error);
    }
  }

  /** The token from the {@code token} query parameter, else the {@code Authorization} header. */
  private static String tokenOf(Request request, HttpFields headers) {
    // the query is parsed only when there is one (callers mostly send the header)
    if (request.getHttpURI().getQuery() != null) {
      String query = Request.extractQueryParameters(request).getValue("token");
      if (query != null && !query.isBlank()) {
        return query;
      }
    }
    return TokenResource.stripBearer(headers.get(HttpHeader.AUTHORIZATION));
  }

  private byte[] validBody(AccessTokenClaims claims) {
    try {
      return validWriter.writeValueAsBytes(new ValidateTokenResponse("Access token is valid", 200, claims));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a validation response", e);
    }
  }

  private void refuse(Response response, Callback callback, ApiException e) {
    refused.mark();
    JettyAnswers.error(response, callback, e);
  }

  private static void write(Response response, Callback callback, int status, byte[] body) {
    JettyAnswers.json(response, callback, status, body);
  }
}
