package io.gau.account.client;

import com.google.api.client.auth.openidconnect.IdToken;
import com.google.api.client.auth.openidconnect.IdTokenVerifier;
import com.google.api.client.json.gson.GsonFactory;
import io.gau.account.core.GoogleProfile;
import io.gau.account.core.GoogleVerifier;
import io.gau.shared.errors.ApiException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Google tokens. An ID token (a JWT) is checked locally with google-oauth-client's
 * {@link IdTokenVerifier} (signature from the configured certificates URL, {@code aud} among our client
 * ids, {@code iss}, {@code exp}). An OAuth access token is accepted only after the tokeninfo endpoint
 * confirms its {@code aud}/{@code azp} is one of our client ids; then userinfo gives the profile.
 */
public class GoogleClient implements GoogleVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(GoogleClient.class);
  private static final GenericType<Map<String, Object>> MAP = new GenericType<>() {};
  private static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

  private final Client http;
  private final List<String> clientIds;
  private final IdTokenVerifier idTokens;
  private final String tokeninfoUrl;
  private final String userinfoUrl;

  public GoogleClient(Client http, List<String> clientIds, List<String> issuers, String certificatesUrl,
      String tokeninfoUrl, String userinfoUrl) {
    this.http = http;
    this.clientIds = clientIds;
    this.idTokens = new IdTokenVerifier.Builder()
        .setAudience(clientIds)
        .setIssuers(issuers)
        .setCertificatesLocation(certificatesUrl)
        .build();
    this.tokeninfoUrl = tokeninfoUrl;
    this.userinfoUrl = userinfoUrl;
  }

  @Override
  public GoogleProfile verify(String token) {
    if (clientIds.isEmpty()) {
      throw ApiException.forbidden("google_disabled", "Google sign-in is not configured");
    }
    return token.chars().filter(c -> c == '.').count() == 2 ? verifyIdToken(token) : verifyAccessToken(token);
  }

  private GoogleProfile verifyIdToken(String token) {
    IdToken idToken;
    try {
      idToken = IdToken.parse(GsonFactory.getDefaultInstance(), token);
    } catch (IOException | IllegalArgumentException e) {
      throw invalid();
    }
    try {
      if (!idTokens.verifyOrThrow(idToken)) {
        throw invalid();
      }
    } catch (IOException e) {
      // certificates unreachable, or signature rejected: either way we cannot trust the token
      LOG.warn("Google ID token rejected: {}", e.getMessage());
      throw invalid();
    }
    IdToken.Payload payload = idToken.getPayload();
    return new GoogleProfile(payload.getSubject(), (String) payload.get("email"),
        truthy(payload.get("email_verified")), (String) payload.get("name"), (String) payload.get("picture"));
  }

  private GoogleProfile verifyAccessToken(String token) {
    Map<String, Object> info = get(http.target(tokeninfoUrl).queryParam("access_token", token), null);
    Object aud = info.get("aud");
    Object azp = info.get("azp");
    if (!clientIds.contains(String.valueOf(aud)) && !clientIds.contains(String.valueOf(azp))) {
      throw invalid();
    }
    Map<String, Object> user = get(http.target(userinfoUrl), token);
    Object sub = user.get("sub");
    if (sub == null || (info.get("sub") != null && !sub.equals(info.get("sub")))) {
      throw invalid();
    }
    return new GoogleProfile(String.valueOf(sub), (String) user.get("email"), truthy(user.get("email_verified")),
        (String) user.get("name"), (String) user.get("picture"));
  }

  private Map<String, Object> get(jakarta.ws.rs.client.WebTarget target, String bearer) {
    var request = target.request(MediaType.APPLICATION_JSON_TYPE);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try (Response response = request.get()) {
      if (response.getStatus() != 200) {
        throw invalid();
      }
      return response.readEntity(MAP);
    } catch (ProcessingException e) {
      throw ApiException.unavailable("google_unavailable", "Google is unavailable", 2, e);
    }
  }

  @Override
  public Optional<byte[]> download(String pictureUrl) {
    if (!pictureUrl.startsWith("https://") && !pictureUrl.startsWith("http://")) {
      return Optional.empty();
    }
    try (Response response = http.target(pictureUrl).request().get()) {
      if (response.getStatus() != 200) {
        return Optional.empty();
      }
      try (InputStream in = response.readEntity(InputStream.class)) {
        byte[] bytes = in.readNBytes(MAX_PICTURE_BYTES + 1);
        return bytes.length > MAX_PICTURE_BYTES ? Optional.empty() : Optional.of(bytes);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Google picture not downloaded: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private static ApiException invalid() {
    return ApiException.unauthorized("invalid_google_token", "invalid Google token");
  }
}
