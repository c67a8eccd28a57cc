package io.gau.shared.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Request body limits of a public API: every resource method's body is cut at {@code maxBody} (413 before
 * it is buffered, by declared length or while it streams in, after gzip inflation), except the methods
 * marked {@link Upload}, which may take {@code maxUpload}.
 */
public final class RequestSizeLimits implements DynamicFeature {
  /** A resource method that takes files (multipart): its bodies may be as large as the upload limit. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Upload {}

  private final long maxBody;
  private final long maxUpload;

  public RequestSizeLimits(long maxBody, long maxUpload) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    boolean upload = resource.getResourceMethod().isAnnotationPresent(Upload.class);
    context.register(new RequestSizeLimitFilter(upload ? maxUpload : maxBody));
  }

  /**
   * Jackson's own limits, below any field limit of the API, so a hostile document (a megabyte-long string,
   * a thousand nested arrays) is refused while it is parsed instead of after it was built in memory.
   */
  public static void limitJson(ObjectMapper mapper, long maxDocument, int maxString, int maxNesting) {
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxDocumentLength(maxDocument)
        .maxStringLength(maxString)
        .maxNestingDepth(maxNesting)
        .build());
  }
}
