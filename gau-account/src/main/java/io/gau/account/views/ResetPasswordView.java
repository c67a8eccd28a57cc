package io.gau.account.views;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** The password reset form opened from the reset mail. */
public class ResetPasswordView extends View {
  private final String token;
  private final String error;

  public ResetPasswordView(String token, String error) {
    super("reset-password.mustache", StandardCharsets.UTF_8);
    this.token = token;
    this.error = error;
  }

  public String getToken() {
    return token;
  }

  public String getError() {
    return error;
  }
}
