package io.gau.account.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
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

  /**
   * Hosts the profile picture may be downloaded from (https only); {@code *.example.com} matches
   * subdomains. The URL comes from the token, so anything else is refused (SSRF).
   */
  @JsonProperty @NotNull public List<String> pictureHosts = List.of("*.googleusercontent.com");

  /** Deadline for the whole picture download, redirects included. */
  @JsonProperty @NotNull public Duration pictureTimeout = Duration.seconds(3);

  /** Largest picture downloaded; a bigger one is dropped (sign-in goes on without it). */
  @JsonProperty @NotNull public DataSize pictureMaxSize = DataSize.mebibytes(2);

  @JsonProperty @NotNull
  public List<String> issuers = List.of("https://accounts.google.com", "accounts.google.com");
}
