package io.gau.email.testing;

import io.gau.email.EmailApplication;

/** The real application, except that a failed start throws instead of calling System.exit. */
public class TestEmailApplication extends EmailApplication {
  @Override
  protected void onFatalError(Throwable t) {
    throw new IllegalStateException("gau-email failed to start", t);
  }
}
