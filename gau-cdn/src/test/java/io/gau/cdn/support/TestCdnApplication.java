package io.gau.cdn.support;

import io.gau.cdn.CdnApplication;

/** The real application, except that a failed start fails the test instead of exiting the JVM. */
public class TestCdnApplication extends CdnApplication {
  @Override
  protected void onFatalError(Throwable t) {
    throw new IllegalStateException("gau-cdn failed to start", t);
  }
}
