package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.GoogleSignInRequest;
import io.gau.account.api.LoginRequest;
import io.gau.account.api.MfaRequiredResponse;
import io.gau.account.api.SessionsResponse;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.auth.TokenCookies;
import io.gau.account.core.GoogleSignInService;
import io.gau.account.core.LoginResult;
import io.gau.account.core.LoginService;
import io.gau.shared.api.MessageResponse;
import io.gau.shared.authorization.api.TokenPairResponse;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Login (A2) with the TOTP step, Google sign-in (A18), refresh, logout (A17) and sessions. */
@Path("/api/v2/account")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {
  private final LoginService logins;
  private final GoogleSignInService google;
  private final TokenCookies cookies;
  private final ClientAddress clients;

  public LoginResource(LoginService logins, GoogleSignInService google, TokenCookies cookies, ClientAddress clients) {
    this.logins = logins;
    this.google = google;
    this.cookies = cookies;
    this.clients = clients;
  }

  @POST
  @Path("basic/login")
  @Timed
  @ExceptionMetered
  public Response login(LoginRequest request, @HeaderParam(AuthorizationClient.DEVICE_HEADER) String deviceId,
      @Context HttpServletRequest http) {
    return answer(logins.login(request, deviceId, clients.of(http)));
  }

  @POST
  @Path("sso/google")
  @Timed
  @ExceptionMetered
  public Response google(@NotNull @Valid GoogleSignInRequest request,
      @HeaderParam(AuthorizationClient.DEVICE_HEADER) String deviceId, @Context HttpServletRequest http) {
    return answer(google.signIn(request.token(), deviceId, clients.of(http)));
  }

  /** Rotates the refresh token from {@code X-Refresh-Token} or the {@code refresh_token} cookie. */
  @POST
  @Path("token/refresh")
  @Timed
  @ExceptionMetered
  public Response refresh(@HeaderParam(AuthorizationClient.REFRESH_HEADER) String header,
      @CookieParam(TokenCookies.REFRESH_COOKIE) String cookie,
      @HeaderParam(AuthorizationClient.DEVICE_HEADER) String deviceId) {
    String token = header != null && !header.isBlank() ? header : cookie;
    return tokens(logins.refresh(token, deviceId), cookies);
  }

  /** A17: ends the caller's own session and clears the cookies. */
  @POST
  @Path("logout")
  @Timed
  @ExceptionMetered
  public Response logout(@Auth AccountPrincipal user) {
    logins.logout(user.userId(), user.sessionId());
    return signedOut("Logout successful");
  }

  @POST
  @Path("logout/all")
  @Timed
  @ExceptionMetered
  public Response logoutEverywhere(@Auth AccountPrincipal user) {
    logins.logoutEverywhere(user.userId());
    return signedOut("Logged out of every session");
  }

  /** Both logouts clear the cookies with the attributes they were set with. */
  private Response signedOut(String message) {
    return Response.ok(MessageResponse.ok(message)).cookie(cookies.clear()).build();
  }

  @GET
  @Path("sessions")
  @Timed
  @ExceptionMetered
  public SessionsResponse sessions(@Auth AccountPrincipal user) {
    return new SessionsResponse(logins.sessions(user.userId()), user.sessionId(), 200);
  }

  @DELETE
  @Path("sessions/{id}")
  @Timed
  @ExceptionMetered
  public MessageResponse revokeSession(@Auth AccountPrincipal user, @PathParam("id") String sessionId) {
    logins.revokeSession(user.userId(), sessionId);
    return MessageResponse.ok("Session revoked");
  }

  private Response answer(LoginResult result) {
    if (result instanceof LoginResult.MfaChallenge c) {
      return Response.ok(new MfaRequiredResponse(true, c.mfaToken(), c.expiresInSeconds(),
          "Enter the code from your authenticator app", 200)).build();
    }
    return tokens(((LoginResult.Tokens) result).pair(), cookies);
  }

  /** The token pair as JSON (reference keys) and as HttpOnly cookies. */
  static Response tokens(TokenPairResponse pair, TokenCookies cookies) {
    TokenPairResponse body = new TokenPairResponse(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), 200,
        pair.refreshExpiresIn(), pair.tokenType(), pair.sessionId());
    return Response.ok(body).cookie(cookies.set(pair)).build();
  }
}
