package io.gau.account.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The {@code google:} block: which OAuth clients may sign in and where Google's endpoints are. */
public class GoogleFactory {
  /** OAuth client ids whose tokens are accepted (aud/azp); empty disables Google sign-in. */
  @JsonProperty @NotNull public List<String> clientIds = List.of();

  @JsonProperty @NotEmpty public String certificatesUrl = "https://www.googleapis.com/oauth2/v3/certs";
  @JsonProperty @NotEmpty public String tokeninfoUrl = "https://oauth2.googleapis.com/tokeninfo";
  @JsonProperty @NotEmpty public String userinfoUrl = "https://www.googleapis.com/oauth2/v3/userinfo";

  @JsonProperty @NotNull
  public List<String> issuers = List.of("https://accounts.google.com", "accounts.google.com");
}
