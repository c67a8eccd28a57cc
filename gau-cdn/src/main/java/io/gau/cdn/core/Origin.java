package io.gau.cdn.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Object storage as seen by the CDN: one GET per miss. A missing key is {@link NotFound}; anything else
 * that goes wrong (network, 5xx, credentials) is an {@link Unavailable} origin.
 */
public class Origin {
  private final S3Client s3;
  private final long maxCacheableBytes;
  private final InstantSource clock;

  public Origin(S3Client s3, long maxCacheableBytes, InstantSource clock) {
    this.s3 = s3;
    this.maxCacheableBytes = maxCacheableBytes;
    this.clock = clock;
  }

  /** Fetches a small object whole, or only learns the metadata of a large one (its body is not read). */
  public Lookup fetch(String bucket, String key) {
    try (ResponseInputStream<GetObjectResponse> in = open(bucket, key, null)) {
      GetObjectResponse response = in.response();
      if (response.contentLength() != null && response.contentLength() > maxCacheableBytes) {
        in.abort();
        return new Lookup.Large(
            new ObjectMeta(response.contentLength(), contentType(response), largeEtag(response), lastModified(response)));
      }
      byte[] body = in.readAllBytes();
      return new Lookup.Cached(
          new CachedObject(body, contentType(response), Sha256.hex(body), lastModified(response), clock.millis()),
          Lookup.Tier.ORIGIN);
    } catch (IOException e) {
      throw new Unavailable(e);
    }
  }

  /** Opens a (ranged) stream of an object; the caller closes it. {@code range} is an HTTP Range value or null. */
  public ResponseInputStream<GetObjectResponse> open(String bucket, String key, String range) {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key).range(range));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      throw new NotFound();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new NotFound();
      }
      throw new Unavailable(e);
    } catch (SdkException e) {
      throw new Unavailable(e);
    } catch (UncheckedIOException e) {
      throw new Unavailable(e);
    }
  }

  private static String contentType(GetObjectResponse response) {
    String type = response.contentType();
    return type == null || type.isBlank() ? "application/octet-stream" : type;
  }

  private static long lastModified(GetObjectResponse response) {
    return response.lastModified() == null ? 0 : response.lastModified().toEpochMilli();
  }

  /** For streamed objects: the upload's content hash when recorded, else the store's own entity tag. */
  private static String largeEtag(GetObjectResponse response) {
    String sha = response.metadata().get("sha256");
    if (sha != null && sha.matches("[0-9a-f]{64}")) {
      return sha;
    }
    String etag = response.eTag() == null ? "" : response.eTag().replace("\"", "");
    return etag.isEmpty() ? Long.toHexString(lastModified(response)) + "-" + response.contentLength() : etag;
  }

  /** The key does not exist in storage. */
  public static final class NotFound extends RuntimeException {
    NotFound() {
      super("not found", null, false, false);
    }
  }

  /** Storage could not answer. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(Throwable cause) {
      super("object storage unavailable: " + cause.getClass().getSimpleName(), cause);
    }
  }

  public static ApiException unavailable(int retryAfterSeconds, Throwable cause) {
    return ApiException.unavailable("storage_unavailable", "Object storage is unavailable", retryAfterSeconds, cause);
  }
}
