package io.gau.shared.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The reference's plain success body: {@code {"message": "...", "status": 200}}. */
public record MessageResponse(@JsonProperty("message") String message, @JsonProperty("status") int status) {
  public static MessageResponse ok(String message) {
    return new MessageResponse(message, 200);
  }
}
