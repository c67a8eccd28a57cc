package io.gau.account.views;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** A small result page (email verified, link expired, password reset done). */
public class MessageView extends View {
  private final String title;
  private final String message;
  private final boolean success;

  public MessageView(String title, String message, boolean success) {
    super("message.mustache", StandardCharsets.UTF_8);
    this.title = title;
    this.message = message;
    this.success = success;
  }

  public String getTitle() {
    return title;
  }

  public String getMessage() {
    return message;
  }

  public boolean isSuccess() {
    return success;
  }
}
