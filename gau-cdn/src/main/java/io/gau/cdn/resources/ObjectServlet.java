package io.gau.cdn.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gau.cdn.core.CdnPaths;
import io.gau.cdn.core.HttpRules;
import io.gau.cdn.core.Lookup;
import io.gau.cdn.core.ObjectCache;
import io.gau.cdn.core.ObjectMeta;
import io.gau.cdn.core.Origin;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.RequestIdFilter;
import io.gau.shared.storage.ObjectKeys;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@code GET}/{@code HEAD}/{@code OPTIONS} of {@code /images/<key>} and {@code /<public bucket>/<key>}.
 * A plain servlet rather than a Jersey resource because this is the hot path: a cached hit is a map lookup
 * and one write, and JAX-RS dispatch would cost more than the rest of the request (see docs/cdn.md for the
 * benchmark). The caching logic lives in {@link ObjectCache}; this class only speaks HTTP. A hit formats
 * nothing and copies nothing: header values come rendered with the cached object, headers are added to a
 * fresh response (no search for an existing one), and the body is written from the cached direct buffer.
 */
public class ObjectServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectServlet.class);
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  // served objects may be user-supplied HTML or SVG: never let them run script on the CDN's origin
  private static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  private static final String EXPOSED = "ETag, Content-Length, Content-Range, Accept-Ranges, Last-Modified";

  private final transient ObjectCache cache;
  private final transient Origin origin;
  private final transient CdnPaths paths;
  private final transient ObjectMapper json;
  private final String shortCacheControl;
  private final Set<String> corsOrigins;
  private final boolean anyOrigin;
  private final int retryAfterSeconds;
  private final transient Meter bytes;

  public ObjectServlet(
      ObjectCache cache,
      Origin origin,
      CdnPaths paths,
      ObjectMapper json,
      long maxAgeSeconds,
      List<String> corsOrigins,
      int retryAfterSeconds,
      MetricRegistry metrics) {
    this.cache = cache;
    this.origin = origin;
    this.paths = paths;
    this.json = json;
    this.shortCacheControl = "public, max-age=" + maxAgeSeconds;
    this.corsOrigins = Set.copyOf(corsOrigins);
    this.anyOrigin = this.corsOrigins.contains("*");
    this.retryAfterSeconds = retryAfterSeconds;
    this.bytes = metrics.meter("gau.cdn.bytes");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    serve(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
    serve(request, response, false);
  }

  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    cors(request, response);
    response.setHeader("Allow", "GET, HEAD, OPTIONS");
    response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", "Range, If-None-Match, If-Modified-Since, If-Range");
    response.setHeader("Access-Control-Max-Age", "86400");
    response.setStatus(204);
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
    try {
      requestId(request, response);
      cors(request, response);
      String raw = request.getRequestURI();
      if (raw.equals("/health")) {
        write(response, 200, "application/json", "{\"status\":\"ok\"}".getBytes(), withBody);
        return;
      }
      CdnPaths.Target target = paths.resolve(raw);
      Lookup lookup = cache.get(target.bucket(), target.key());
      deliver(request, response, target, lookup, withBody);
    } catch (ApiException e) {
      error(response, e, withBody);
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure serving {}", request.getRequestURI(), e);
      error(response, new ApiException(500, "internal_error", "Internal Server Error"), withBody);
    }
  }

  private void deliver(
      HttpServletRequest request, HttpServletResponse response, CdnPaths.Target target, Lookup lookup, boolean withBody)
      throws IOException {
    ObjectMeta meta = lookup.meta();
    String etag;
    String lastModified;
    if (lookup instanceof Lookup.Cached cached) {
      etag = cached.object().quotedEtag();
      lastModified = cached.object().lastModifiedHeader();
    } else {
      etag = HttpRules.quote(meta.etag());
      lastModified = meta.lastModifiedMillis() > 0 ? HttpRules.httpDate(meta.lastModifiedMillis()) : null;
    }
    // addHeader, not setHeader: the response is fresh, so there is nothing to replace or search for
    response.addHeader("ETag", etag);
    if (lastModified != null) {
      response.addHeader("Last-Modified", lastModified);
    }
    response.addHeader("Cache-Control", ObjectKeys.isContentAddressed(target.key()) ? IMMUTABLE : shortCacheControl);
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("Content-Security-Policy", SANDBOX);
    response.addHeader("Accept-Ranges", "bytes");
    response.addHeader("X-Cache", lookup instanceof Lookup.Cached cached ? cached.tier().name() : "STREAM");
    if (request.getQueryString() != null && "download".equals(request.getParameter("mode"))) {
      response.addHeader("Content-Disposition", HttpRules.attachment(target.key()));
    }
    String ifNoneMatch = request.getHeader("If-None-Match");
    String ifModifiedSince = ifNoneMatch == null ? request.getHeader("If-Modified-Since") : null;
    boolean notModified =
        ifNoneMatch != null
            ? HttpRules.noneMatchHits(ifNoneMatch, etag)
            : ifModifiedSince != null
                && (ifModifiedSince.equals(lastModified) || HttpRules.notModifiedSince(ifModifiedSince, meta.lastModifiedMillis()));
    if (notModified) {
      response.setStatus(304);
      return;
    }
    String ifRange = request.getHeader("If-Range");
    HttpRules.RangeRequest range =
        ifRange == null || ifRange.strip().equals(etag)
            ? HttpRules.range(request.getHeader("Range"), meta.size())
            : new HttpRules.WholeObject();
    if (range instanceof HttpRules.Unsatisfiable) {
      response.setHeader("Content-Range", "bytes */" + meta.size());
      error(response, new ApiException(416, "range_not_satisfiable", "Range: outside the object's " + meta.size() + " bytes"), withBody);
    } else if (range instanceof HttpRules.Partial partial) {
      response.setHeader("Content-Range", partial.range().contentRange(meta.size()));
      body(response, 206, target, lookup, partial.range(), withBody);
    } else {
      body(response, 200, target, lookup, null, withBody);
    }
  }

  private void body(
      HttpServletResponse response, int status, CdnPaths.Target target, Lookup lookup, HttpRules.Range range, boolean withBody)
      throws IOException {
    long length = range == null ? lookup.meta().size() : range.length();
    if (lookup instanceof Lookup.Cached cached) {
      response.setStatus(status);
      response.setContentType(lookup.meta().contentType());
      response.setContentLengthLong(length);
      if (withBody) {
        int offset = range == null ? 0 : (int) range.start();
        write(response.getOutputStream(), cached.object().bodySlice(offset, (int) length));
        bytes.mark(length);
      }
      return;
    }
    if (!withBody) {
      response.setStatus(status);
      response.setContentType(lookup.meta().contentType());
      response.setContentLengthLong(length);
      return;
    }
    // large object: stream from storage without buffering; open before committing to a status
    try (ResponseInputStream<GetObjectResponse> in = open(target, range)) {
      response.setStatus(status);
      response.setContentType(lookup.meta().contentType());
      response.setContentLengthLong(length);
      bytes.mark(copy(in, response.getOutputStream()));
    }
  }

  /**
   * Jetty writes a direct buffer to the socket as it is (with the headers, in one gathering write when it
   * is the whole declared length); other containers get the bytes through the plain servlet API.
   */
  private static void write(ServletOutputStream out, ByteBuffer body) throws IOException {
    if (out instanceof HttpOutput jetty) {
      jetty.write(body);
    } else {
      byte[] copy = new byte[body.remaining()];
      body.get(copy);
      out.write(copy);
    }
  }

  private ResponseInputStream<GetObjectResponse> open(CdnPaths.Target target, HttpRules.Range range) {
    try {
      return origin.open(target.bucket(), target.key(), range == null ? null : range.header());
    } catch (Origin.NotFound e) {
      cache.invalidate(ObjectKeys.cacheId(target.bucket(), target.key()));
      throw ApiException.notFound("file_not_found", "file not found");
    } catch (Origin.Unavailable e) {
      throw Origin.unavailable(retryAfterSeconds, e);
    }
  }

  private static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private void cors(HttpServletRequest request, HttpServletResponse response) {
    if (corsOrigins.isEmpty()) {
      return;
    }
    if (anyOrigin) {
      response.addHeader("Access-Control-Allow-Origin", "*");
    } else {
      String requestOrigin = request.getHeader("Origin");
      if (requestOrigin == null || !corsOrigins.contains(requestOrigin)) {
        return;
      }
      response.addHeader("Access-Control-Allow-Origin", requestOrigin);
      response.addHeader("Vary", "Origin");
    }
    response.addHeader("Access-Control-Expose-Headers", EXPOSED);
  }

  /**
   * Echoes a sane caller-supplied {@code X-Request-Id} (as the Jersey routes do), so a client or proxy can
   * correlate; no id is minted for requests without one: a random UUID per image would cost more than the hit.
   */
  private static void requestId(HttpServletRequest request, HttpServletResponse response) {
    String id = request.getHeader(RequestIdFilter.HEADER);
    if (id != null && RequestIdFilter.isSafe(id)) {
      response.addHeader(RequestIdFilter.HEADER, id);
    }
  }

  private void error(HttpServletResponse response, ApiException e, boolean withBody) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    String contentRange = response.getHeader("Content-Range");
    String allowOrigin = response.getHeader("Access-Control-Allow-Origin");
    String requestId = response.getHeader(RequestIdFilter.HEADER);
    response.reset();
    if (requestId != null) {
      response.setHeader(RequestIdFilter.HEADER, requestId);
    }
    if (contentRange != null) {
      response.setHeader("Content-Range", contentRange);
    }
    if (allowOrigin != null) {
      response.setHeader("Access-Control-Allow-Origin", allowOrigin);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    e.retryAfterSeconds().ifPresent(s -> response.setHeader("Retry-After", String.valueOf(s)));
    write(response, e.status(), "application/json", json.writeValueAsBytes(new ErrorResponse(e.getMessage(), e.status(), e.code())), withBody);
  }

  private static void write(HttpServletResponse response, int status, String type, byte[] body, boolean withBody)
      throws IOException {
    response.setStatus(status);
    response.setContentType(type);
    response.setContentLength(body.length);
    if (withBody) {
      response.getOutputStream().write(body);
    }
  }
}
