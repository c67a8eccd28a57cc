package io.gau.account.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The {@code cookies:} block: attributes of the {@code access_token} and {@code refresh_token} cookies. */
public class CookieFactory {
  /** Cookie Domain; empty = host-only cookie. Logout clears with the same value. */
  @JsonProperty public String domain = "";

  @JsonProperty @NotEmpty public String path = "/";

  /** Production: true (HTTPS only). The local stack runs plain HTTP, so it sets false. */
  @JsonProperty public boolean secure = true;

  @JsonProperty
  @NotNull
  @Pattern(regexp = "Strict|Lax|None")
  public String sameSite = "Lax";

  @JsonProperty @NotNull public Duration refreshMaxAge = Duration.days(30);
}
