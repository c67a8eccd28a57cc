package io.gau.account.testing;

import io.gau.account.AccountApplication;
import io.gau.authorization.AuthorizationApplication;
import io.gau.upload.UploadApplication;

/**
 * The real applications, except that a fatal error throws instead of calling System.exit and that
 * logback-test.xml is kept (no bootstrap logging).
 */
public final class TestApps {
  private TestApps() {}

  private static IllegalStateException fatal(String app, Throwable t) {
    return new IllegalStateException(app + " failed", t);
  }

  /** gau-account. */
  public static class Account extends AccountApplication {
    @Override protected void onFatalError(Throwable t) { throw fatal(getName(), t); }
    @Override protected void bootstrapLogging() {}
  }

  /** gau-authorization. */
  public static class Authorization extends AuthorizationApplication {
    @Override protected void onFatalError(Throwable t) { throw fatal(getName(), t); }
    @Override protected void bootstrapLogging() {}
  }

  /** gau-upload. */
  public static class Upload extends UploadApplication {
    @Override protected void onFatalError(Throwable t) { throw fatal(getName(), t); }
    @Override protected void bootstrapLogging() {}
  }
}
