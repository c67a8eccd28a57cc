package io.gau.authorization.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.gau.authorization.core.IssuedTokens;
import io.gau.authorization.core.SigningKeyService;
import io.gau.authorization.core.TokenService;
import io.gau.shared.api.MessageResponse;
import io.gau.shared.authorization.api.CreateTokenRequest;
import io.gau.shared.authorization.api.TokenPairResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * The reference's token routes (issue, renew, revoke) plus the JWKS under the API prefix; validate is the
 * {@link ValidateHandler} (the hot path, outside JAX-RS).
 */
@Path("/api/v2/authorization")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
  public static final String DEVICE_HEADER = "X-Device-ID";
  public static final String REFRESH_HEADER = "X-Refresh-Token";
  public static final String REFRESH_COOKIE = "refresh_token";

  private final TokenService tokens;
  private final SigningKeyService keys;
  private final InstantSource clock;

  public TokenResource(TokenService tokens, SigningKeyService keys, InstantSource clock) {
    this.tokens = tokens;
    this.keys = keys;
    this.clock = clock;
  }

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public TokenPairResponse issue(
      @HeaderParam(DEVICE_HEADER) String deviceId, @NotNull @Valid CreateTokenRequest request) {
    return toResponse(tokens.issue(request.userId(), request.permission(), deviceId));
  }

  /** {@code X-Old-Access-Token} is accepted by callers but deliberately not read: claims come from the session. */
  @GET
  @Path("token/renew")
  @Timed
  @ExceptionMetered
  public TokenPairResponse renew(
      @HeaderParam(REFRESH_HEADER) String refreshHeader,
      @CookieParam(REFRESH_COOKIE) String refreshCookie,
      @HeaderParam(DEVICE_HEADER) String deviceId) {
    return toResponse(tokens.renew(firstPresent(refreshHeader, refreshCookie), deviceId));
  }

  @POST
  @Path("token/renew")
  @Timed(name = "renewByPost")
  @ExceptionMetered(name = "renewByPostExceptions")
  public TokenPairResponse renewByPost(
      @HeaderParam(REFRESH_HEADER) String refreshHeader,
      @CookieParam(REFRESH_COOKIE) String refreshCookie,
      @HeaderParam(DEVICE_HEADER) String deviceId) {
    return renew(refreshHeader, refreshCookie, deviceId);
  }

  @DELETE
  @Path("token")
  @Timed
  @ExceptionMetered
  public MessageResponse revoke(
      @HeaderParam(REFRESH_HEADER) String refreshHeader, @CookieParam(REFRESH_COOKIE) String refreshCookie) {
    tokens.logout(firstPresent(refreshHeader, refreshCookie));
    return MessageResponse.ok("Refresh token revoked successfully");
  }

  @GET
  @Path(".well-known/jwks.json")
  @Timed(name = "jwksUnderPrefix")
  @ExceptionMetered(name = "jwksUnderPrefixExceptions")
  public Response jwks() {
    return JwksResource.jwksResponse(keys);
  }

  private TokenPairResponse toResponse(IssuedTokens issued) {
    Instant now = clock.instant();
    return new TokenPairResponse(
        issued.accessToken(),
        issued.refreshToken(),
        secondsUntil(now, issued.accessExpiresAt()),
        200,
        secondsUntil(now, issued.refreshExpiresAt()),
        "Bearer",
        Long.toString(issued.sessionId()));
  }

  private static long secondsUntil(Instant now, Instant then) {
    return Math.max(0, Duration.between(now, then).toSeconds());
  }

  private static String firstPresent(String header, String cookie) {
    return header != null && !header.isBlank() ? header.trim() : cookie;
  }

  /** Accepts {@code Bearer <token>} in any letter case, or the raw token (the reference's clients send both). */
  static String stripBearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.length() >= 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return value.substring(7).trim();
    }
    return value;
  }
}
