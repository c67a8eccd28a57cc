package io.gau.account.testing;

import io.gau.account.AccountApplication;
import io.gau.authorization.AuthorizationApplication;
import io.gau.upload.UploadApplication;

/** The real applications, except that a fatal error throws instead of calling System.exit. */
public final class TestApps {
  private TestApps() {}

  /** gau-account. */
  public static class Account extends AccountApplication {
    @Override
    protected void onFatalError(Throwable t) {
      throw new IllegalStateException("gau-account failed", t);
    }

    @Override
    protected void bootstrapLogging() {
      // keep logback-test.xml
    }
  }

  /** gau-authorization. */
  public static class Authorization extends AuthorizationApplication {
    @Override
    protected void onFatalError(Throwable t) {
      throw new IllegalStateException("gau-authorization failed", t);
    }

    @Override
    protected void bootstrapLogging() {
      // keep logback-test.xml
    }
  }

  /** gau-upload. */
  public static class Upload extends UploadApplication {
    @Override
    protected void onFatalError(Throwable t) {
      throw new IllegalStateException("gau-upload failed", t);
    }

    @Override
    protected void bootstrapLogging() {
      // keep logback-test.xml
    }
  }
}
