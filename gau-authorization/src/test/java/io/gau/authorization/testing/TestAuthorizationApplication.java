package io.gau.authorization.testing;

import io.gau.authorization.AuthorizationApplication;

/** The real application, except that a fatal error throws instead of calling System.exit (which would kill the test JVM). */
public class TestAuthorizationApplication extends AuthorizationApplication {
  @Override
  protected void onFatalError(Throwable t) {
    throw new IllegalStateException("application failed", t);
  }

  @Override
  protected void bootstrapLogging() {
    // keep the test's logback configuration
  }

  /** Runs a CLI command (e.g. {@code db migrate}) and fails loudly when it does. */
  public static void runCommand(String... args) throws Exception {
    new TestAuthorizationApplication().run(args);
  }

}
