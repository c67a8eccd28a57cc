package io.gau.cdn.support;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A real S3 client that counts the GETs reaching the store (every {@code getObject} overload of the SDK
 * ends in this one) and can slow them down so that concurrent misses really overlap.
 */
public final class CountingS3Client implements S3Client {
  private final S3Client delegate;
  private final long delayMillis;
  private final AtomicInteger gets = new AtomicInteger();

  public CountingS3Client(S3Client delegate, long delayMillis) {
    this.delegate = delegate;
    this.delayMillis = delayMillis;
  }

  public int gets() {
    return gets.get();
  }

  @Override
  public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
    gets.incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return delegate.getObject(request, transformer);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {
    // the delegate is shared by the test JVM
  }
}
