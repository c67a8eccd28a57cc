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
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.PrivateKeyFilter;
import io.gau.shared.http.RequestIdFilter;
import java.nio.ByteBuffer;
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
 * one goes back to serving other requests. Same contract as the other routes: {@code Private-Key} required,
 * the shared error envelope, {@code Retry-After} on 503, {@code X-Request-Id} echoed.
 */
public class ValidateHandler extends Handler.Wrapper {
  public static final String PATH = "/api/v2/authorization/token/validate";
  private static final Logger LOG = LoggerFactory.getLogger(ValidateHandler.class);
  private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET");

  private final TokenService tokens;
  private final RevocationChecks revocations;
  private final PrivateKeyFilter privateKey;
  private final ObjectWriter validWriter;
  private final ObjectWriter errorWriter;
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
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    Timer.Context timing = timer.time();
    Callback timed = Callback.from(callback, timing::stop);
    HttpFields headers = request.getHeaders();
    echoRequestId(headers, response);
    long sessionId;
    AccessTokenClaims claims;
    try {
      if (!HttpMethod.GET.is(request.getMethod())) {
        response.getHeaders().put(ALLOW_GET);
        throw new ApiException(405, "method_not_allowed", "Method not allowed, use GET");
      }
      privateKey.require(headers.get(PrivateKeyFilter.HEADER));
      claims = tokens.verify(tokenOf(request, headers));
      sessionId = Long.parseLong(claims.sessionId());
    } catch (ApiException e) {
      refuse(response, timed, e);
      return true;
    } catch (RuntimeException e) {
      refused.mark();
      LOG.error("token validation failed", e);
      write(response, timed, 500, errorWriter.writeValueAsBytes(
          new ErrorResponse("There was an error processing your request", 500, "internal_error")));
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
      try {
        refuse(response, callback, error);
      } catch (JsonProcessingException e) {
        callback.failed(e);
      }
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

  private void refuse(Response response, Callback callback, ApiException e) throws JsonProcessingException {
    refused.mark();
    e.retryAfterSeconds().ifPresent(s -> response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(s)));
    byte[] body = errorWriter.writeValueAsBytes(new ErrorResponse(e.getMessage(), e.status(), e.code()));
    write(response, callback, e.status(), body);
  }

  private static void echoRequestId(HttpFields headers, Response response) {
    String id = headers.get(RequestIdFilter.HEADER);
    if (id != null && RequestIdFilter.isSafe(id)) {
      response.getHeaders().put(RequestIdFilter.HEADER, id);
    }
  }

  private static void write(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
