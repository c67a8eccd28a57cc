package io.gau.shared.authorization.client;

import io.gau.shared.api.MessageResponse;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.authorization.api.CreateTokenRequest;
import io.gau.shared.authorization.api.SessionListResponse;
import io.gau.shared.authorization.api.SessionResponse;
import io.gau.shared.authorization.api.TokenPairResponse;
import io.gau.shared.authorization.api.ValidateTokenResponse;
import io.gau.shared.errors.ApiException;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.InternalCallers;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Calls gau-authorization on behalf of another Gau service, with the shared {@code Private-Key}. Its 4xx
 * answers come back as {@link ApiException}s with the same status, code and message; an unreachable or
 * failing authorization service becomes a 503 {@code authorization_unavailable}.
 */
public class AuthorizationClient {
  public static final String DEVICE_HEADER = "X-Device-ID";
  public static final String REFRESH_HEADER = "X-Refresh-Token";

  private final WebTarget api;
  private final String privateKey;

  /** @param client a dropwizard-client Jersey client with explicit timeouts and no retries */
  public AuthorizationClient(Client client, URI baseUrl, String privateKey) {
    this.api = client.target(baseUrl).path("api/v2/authorization");
    this.privateKey = privateKey;
  }

  /** Opens a new session for the user on that device and returns its first token pair. */
  public TokenPairResponse issue(UUID userId, String permission, String deviceId) {
    return call(
        api.path("token").request(MediaType.APPLICATION_JSON_TYPE).header(DEVICE_HEADER, deviceId),
        b -> b.post(Entity.json(new CreateTokenRequest(userId, permission))),
        TokenPairResponse.class);
  }

  /** Rotates a refresh token: a new access token and a new refresh token for the same session. */
  public TokenPairResponse renew(String refreshToken, String deviceId) {
    return call(
        api.path("token/renew")
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(DEVICE_HEADER, deviceId)
            .header(REFRESH_HEADER, refreshToken),
        b -> b.post(Entity.json("{}")),
        TokenPairResponse.class);
  }

  /** The claims of a valid, unrevoked access token; a 401 {@link ApiException} otherwise. */
  public AccessTokenClaims validate(String accessToken) {
    return call(
            api.path("token/validate")
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + accessToken),
            Invocation.Builder::get,
            ValidateTokenResponse.class)
        .claims();
  }

  /** Logs out the session of this refresh token; unknown tokens are fine (idempotent logout). */
  public void revoke(String refreshToken, String deviceId) {
    Invocation.Builder request =
        api.path("token").request(MediaType.APPLICATION_JSON_TYPE).header(REFRESH_HEADER, refreshToken);
    if (deviceId != null) {
      request.header(DEVICE_HEADER, deviceId);
    }
    call(request, Invocation.Builder::delete, MessageResponse.class);
  }

  /** The user's live sessions. */
  public List<SessionResponse> sessions(UUID userId) {
    return call(
            api.path("sessions").queryParam("user_id", userId).request(MediaType.APPLICATION_JSON_TYPE),
            Invocation.Builder::get,
            SessionListResponse.class)
        .sessions();
  }

  /** Revokes one session of that user (404 when the session is not the user's). */
  public void revokeSession(UUID userId, String sessionId) {
    call(
        api.path("sessions").path(sessionId).queryParam("user_id", userId).request(MediaType.APPLICATION_JSON_TYPE),
        Invocation.Builder::delete,
        MessageResponse.class);
  }

  /** Logs the user out everywhere: every session revoked, every access token invalid at once. */
  public void revokeAll(UUID userId) {
    call(
        api.path("sessions").queryParam("user_id", userId).request(MediaType.APPLICATION_JSON_TYPE),
        Invocation.Builder::delete,
        MessageResponse.class);
  }

  private <T> T call(Invocation.Builder request, Function<Invocation.Builder, Response> method, Class<T> type) {
    Response response;
    try {
      response = method.apply(request.header(InternalCallers.HEADER, privateKey));
    } catch (ProcessingException e) {
      throw ApiException.unavailable(
          "authorization_unavailable", "Authorization service is unavailable", 2, e);
    }
    try (response) {
      int status = response.getStatus();
      if (status == 200 || status == 201) {
        return response.readEntity(type);
      }
      if (status >= 400 && status < 500) {
        ErrorResponse error = readError(response);
        throw new ApiException(status, error.code(), error.error());
      }
      throw ApiException.unavailable(
          "authorization_unavailable", "Authorization service failed (HTTP " + status + ")", 2, null);
    }
  }

  private static ErrorResponse readError(Response response) {
    try {
      ErrorResponse error = response.readEntity(ErrorResponse.class);
      if (error != null && error.error() != null) {
        return new ErrorResponse(error.error(), response.getStatus(), error.code() == null ? "unauthorized" : error.code());
      }
    } catch (RuntimeException ignored) {
      // not our envelope: fall through to a generic message
    }
    return new ErrorResponse("Request rejected by the authorization service", response.getStatus(), "rejected");
  }
}
