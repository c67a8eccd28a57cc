package io.gau.shared.http;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.gau.shared.errors.ApiException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The wall in front of an internal service's application port: every request needs the key of a configured
 * caller ({@link InternalCallers}) unless it is a {@code GET}/{@code HEAD} of one of the few public paths
 * (JWKS). It runs in Jetty before the servlets, so nothing that routes later (Jersey, the validate
 * handler) can be reached around it, and it refuses every path that a router could read differently from it:
 * matrix parameters, encoded separators or dots, dot segments and empty segments ({@link CanonicalPaths}).
 * A path outside {@value #API_PREFIX} (in any letter case) names no route of an internal service: the guard
 * answers it 404 itself, so a scanner learns nothing and nothing behind the guard sees the request either.
 *
 * <p>The caller's name (never its key) goes into the request attribute {@value #CALLER_ATTRIBUTE} (the access
 * log prints it), the MDC key {@value #MDC_KEY} for log lines written while the request runs on this thread,
 * and a meter per caller.
 */
public class InternalApiGuard extends Handler.Wrapper {
  public static final String CALLER_ATTRIBUTE = "gau.caller";
  public static final String MDC_KEY = "caller";
  /** Every route of an internal service lives under it. */
  public static final String API_PREFIX = "/api/";
  private static final Logger LOG = LoggerFactory.getLogger(InternalApiGuard.class);

  private final InternalCallers callers;
  private final Set<String> publicPaths;
  private final Map<String, Meter> acceptedByCaller = new TreeMap<>();
  private final Meter refusedPath;
  private final Meter refusedMissingKey;
  private final Meter refusedInvalidKey;

  /**
   * @param publicPaths exact decoded paths answered to {@code GET} and {@code HEAD} without a key
   */
  public InternalApiGuard(InternalCallers callers, Set<String> publicPaths, MetricRegistry metrics) {
    this.callers = callers;
    this.publicPaths = Set.copyOf(publicPaths);
    String base = InternalApiGuard.class.getName();
    callers.keysPerCaller().keySet()
        .forEach(name -> acceptedByCaller.put(name, metrics.meter(MetricRegistry.name(base, "caller", name))));
    this.refusedPath = metrics.meter(MetricRegistry.name(base, "refused", "path_not_canonical"));
    this.refusedMissingKey = metrics.meter(MetricRegistry.name(base, "refused", "private_key_required"));
    this.refusedInvalidKey = metrics.meter(MetricRegistry.name(base, "refused", "private_key_invalid"));
  }

  /**
   * Puts a guard in front of everything on the application port. Call it after inserting every other handler:
   * the servlet context puts each inserted handler in front of those already there, so the last is outermost.
   */
  public static InternalApiGuard install(Environment environment, InternalCallers callers, Set<String> publicPaths) {
    InternalApiGuard guard = new InternalApiGuard(callers, publicPaths, environment.metrics());
    environment.getApplicationContext().insertHandler(guard);
    LOG.info("internal callers (keys each; 0 = disabled): {}; public without a key: GET {}",
        callers.keysPerCaller(), publicPaths);
    return guard;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!CanonicalPaths.isCanonical(request.getHttpURI().getPath())) {
      refusedPath.mark();
      return refuse(request, response, callback, ApiException.badRequest("path_not_canonical",
          "Request path must not contain matrix parameters, encoded separators or dots, dot segments or empty segments"));
    }
    if (isPublic(request)) {
      return super.handle(request, response, callback);
    }
    if (!request.getHttpURI().getPath().regionMatches(true, 0, API_PREFIX, 0, API_PREFIX.length())) {
      return refuse(request, response, callback, ApiException.notFound("not_found", "Not found"));
    }
    String presented = request.getHeaders().get(InternalCallers.HEADER);
    if (presented == null || presented.isEmpty()) {
      refusedMissingKey.mark();
      return refuse(request, response, callback,
          ApiException.unauthorized("private_key_required", "Private-Key header is required"));
    }
    String caller = callers.identify(presented).orElse(null);
    if (caller == null) {
      refusedInvalidKey.mark();
      return refuse(request, response, callback, ApiException.unauthorized("private_key_invalid", "Invalid private key"));
    }
    acceptedByCaller.get(caller).mark();
    request.setAttribute(CALLER_ATTRIBUTE, caller);
    MDC.put(MDC_KEY, caller);
    try {
      return super.handle(request, response, callback);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  private boolean isPublic(Request request) {
    String method = request.getMethod();
    return (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))
        && publicPaths.contains(Request.getPathInContext(request));
  }

  private static boolean refuse(Request request, Response response, Callback callback, ApiException error) {
    LOG.debug("refused {} on the internal port: {}", request.getMethod(), error.code());
    JettyAnswers.echoRequestId(request, response);
    JettyAnswers.error(response, callback, error);
    return true;
  }
}
