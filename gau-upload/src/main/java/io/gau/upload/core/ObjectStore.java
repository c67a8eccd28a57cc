package io.gau.upload.core;

import io.gau.shared.errors.ApiException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 calls gau-upload makes, with storage failures turned into API errors: a missing key is a 404, an
 * unreachable or failing store a 503 with {@code Retry-After}.
 */
public class ObjectStore {
  public static final String SHA256_METADATA = "sha256";
  private static final int RETRY_AFTER_SECONDS = 5;

  private final S3Client s3;

  public ObjectStore(S3Client s3) {
    this.s3 = s3;
  }

  public Optional<StoredObject> head(String bucket, String key) {
    try {
      HeadObjectResponse head = call(() -> s3.headObject(b -> b.bucket(bucket).key(key)));
      return Optional.of(
          new StoredObject(
              bucket,
              key,
              head.contentLength(),
              head.contentType(),
              Optional.ofNullable(head.metadata().get(SHA256_METADATA)),
              head.lastModified()));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  public void put(String bucket, String key, RequestBody body, String contentType, String cacheControl, Map<String, String> metadata) {
    call(
        () ->
            s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl).metadata(metadata),
                body));
  }

  public void put(String bucket, String key, Path file, String contentType, String cacheControl, Map<String, String> metadata) {
    put(bucket, key, RequestBody.fromFile(file), contentType, cacheControl, metadata);
  }

  /** The object's bytes as a stream the caller must close; 404 when it does not exist. */
  public ResponseInputStream<GetObjectResponse> get(String bucket, String key) {
    try {
      return call(() -> s3.getObject(b -> b.bucket(bucket).key(key)));
    } catch (NotFound e) {
      throw ApiException.notFound("file_not_found", "file_path: no such file in bucket " + bucket);
    }
  }

  public void delete(String bucket, String key) {
    call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
  }

  /** One page of keys under a prefix, and the token for the next page (null at the end). */
  public Page list(String bucket, String prefix, String continuationToken, int limit) {
    ListObjectsV2Response response =
        call(
            () ->
                s3.listObjectsV2(
                    b -> {
                      b.bucket(bucket).maxKeys(limit);
                      if (!prefix.isEmpty()) {
                        b.prefix(prefix);
                      }
                      if (continuationToken != null && !continuationToken.isEmpty()) {
                        b.continuationToken(continuationToken);
                      }
                    }));
    List<String> keys = response.contents().stream().map(S3Object::key).filter(k -> !k.endsWith("/")).toList();
    return new Page(keys, Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null);
  }

  /** One page of a listing. */
  public record Page(List<String> keys, String nextContinuationToken) {}

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (NoSuchKeyException e) {
      throw new NotFound();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new NotFound();
      }
      if (e.statusCode() == 400 && "InvalidArgument".equals(e.awsErrorDetails().errorCode())) {
        throw ApiException.badRequest("invalid_request", "storage rejected the request");
      }
      throw unavailable(e);
    } catch (SdkException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(Exception cause) {
    return ApiException.unavailable("storage_unavailable", "Object storage is unavailable", RETRY_AFTER_SECONDS, cause);
  }

  /** Internal signal for a 404 from storage. */
  private static final class NotFound extends RuntimeException {
    NotFound() {
      super(null, null, false, false);
    }
  }
}
