package io.gau.shared.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;

/** Readiness of object storage: a HEAD on the configured bucket, bounded to well under the probe's timeout. */
public class ObjectStorageHealthCheck extends HealthCheck {
  private static final Duration TIMEOUT = Duration.ofMillis(1500);
  private final S3Client s3;
  private final String bucket;

  public ObjectStorageHealthCheck(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  protected Result check() {
    try {
      s3.headBucket(
          HeadBucketRequest.builder()
              .bucket(bucket)
              .overrideConfiguration(c -> c.apiCallTimeout(TIMEOUT).apiCallAttemptTimeout(TIMEOUT))
              .build());
      return Result.healthy();
    } catch (RuntimeException e) {
      return Result.unhealthy("object storage bucket '" + bucket + "' unreachable: " + e.getClass().getSimpleName());
    }
  }
}
