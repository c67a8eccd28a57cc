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

  static final String SKIP_SIGNATURE_VARIABLE = "OAUTH_CLIENT_SKIP_SIGNATURE";

  private final Client http;
  private final List<String> clientIds;
  private final IdTokenVerifier idTokens;
  private final String tokeninfoUrl;
  private final String userinfoUrl;
  private final GooglePictureFetcher pictures;

  public GoogleClient(Client http, List<String> clientIds, List<String> issuers, String certificatesUrl,
      String tokeninfoUrl, String userinfoUrl, GooglePictureFetcher pictures) {
    // google-oauth-client silently stops checking ID-token signatures when this variable is set
    if (System.getenv(SKIP_SIGNATURE_VARIABLE) != null) {
      throw new IllegalStateException(
          SKIP_SIGNATURE_VARIABLE + " is set: refusing to start, Google ID tokens would not be verified");
    }
    this.http = http;
    this.clientIds = clientIds;
    this.idTokens = new IdTokenVerifier.Builder()
        .setAudience(clientIds)
        .setIssuers(issuers)
        .setCertificatesLocation(certificatesUrl)
        .build();
    this.tokeninfoUrl = tokeninfoUrl;
    this.userinfoUrl = userinfoUrl;
    this.pictures = pictures;
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
    } catch (IOException | RuntimeException e) {
      throw invalid();
    }
    IdToken.Payload payload = idToken.getPayload();
    // the library throws NullPointerException on a token without these claims: refuse them first
    if (payload.getIssuer() == null || payload.getAudience() == null || payload.getSubject() == null
        || payload.getExpirationTimeSeconds() == null) {
      throw invalid();
    }
    try {
      if (!idTokens.verifyOrThrow(idToken)) {
        throw invalid();
      }
    } catch (IOException | RuntimeException e) {
      // certificates unreachable, or signature rejected: either way we cannot trust the token
      LOG.warn("Google ID token rejected: {}", e.toString());
      throw invalid();
    }
    return new GoogleProfile(payload.getSubject(), text(payload.get("email")),
        truthy(payload.get("email_verified")), text(payload.get("name")), text(payload.get("picture")));
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
    return new GoogleProfile(String.valueOf(sub), text(user.get("email")), truthy(user.get("email_verified")),
        text(user.get("name")), text(user.get("picture")));
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
    return pictures.fetch(pictureUrl);
  }

  /** A claim as text; anything else (a number, an object) counts as absent instead of failing with 500. */
  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  private static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private static ApiException invalid() {
    return ApiException.unauthorized("invalid_google_token", "invalid Google token");
  }
}
