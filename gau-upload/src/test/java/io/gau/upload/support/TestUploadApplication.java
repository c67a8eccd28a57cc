package io.gau.upload.support;

import io.gau.upload.UploadApplication;

/** The real application, except that a failed start fails the test instead of exiting the JVM. */
public class TestUploadApplication extends UploadApplication {
  @Override
  protected void onFatalError(Throwable t) {
    throw new IllegalStateException("gau-upload failed to start", t);
  }
}
