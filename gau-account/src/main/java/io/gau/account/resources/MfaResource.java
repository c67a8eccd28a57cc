package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.MfaVerifyRequest;
import io.gau.account.api.OtpRequest;
import io.gau.account.api.TotpDisableRequest;
import io.gau.account.api.TotpEnableResponse;
import io.gau.account.api.TotpQrResponse;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.auth.TokenCookies;
import io.gau.account.core.LoginService;
import io.gau.account.core.MfaService;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.http.ClientAddress;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import io.gau.shared.api.MessageResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** TOTP: enrolment (A14, A15) and turning it off for the signed-in user; the login's second step (A16). */
@Path("/api/v2/account/mfa/totp")
@Produces(MediaType.APPLICATION_JSON)
public class MfaResource {
  private final MfaService mfa;
  private final LoginService logins;
  private final TokenCookies cookies;
  private final ClientAddress clients;

  public MfaResource(MfaService mfa, LoginService logins, TokenCookies cookies, ClientAddress clients) {
    this.mfa = mfa;
    this.logins = logins;
    this.cookies = cookies;
    this.clients = clients;
  }

  /** The second login step: no access token needed, the {@code mfa_token} proves the password step. */
  @POST
  @Path("verify")
  @Timed
  @ExceptionMetered
  public Response verifyTotp(@NotNull @Valid MfaVerifyRequest request,
      @HeaderParam(AuthorizationClient.DEVICE_HEADER) String deviceId, @Context HttpServletRequest http) {
    String device = deviceId != null && !deviceId.isBlank() ? deviceId : request.deviceId();
    return LoginResource.tokens(
        logins.completeMfa(request.mfaToken(), request.otpCode(), device, clients.of(http)), cookies);
  }

  @GET
  @Path("qr")
  @Timed
  @ExceptionMetered
  public TotpQrResponse qr(@Auth AccountPrincipal user) {
    MfaService.Enrolment e = mfa.enrol(user.userId());
    return new TotpQrResponse(e.otpauthUri(), e.qrPngBase64(), e.secret(), e.account(), e.issuer(),
        "Scan this QR code with your authenticator app", 200);
  }

  @POST
  @Path("enable")
  @Timed
  @ExceptionMetered
  public TotpEnableResponse enable(@Auth AccountPrincipal user, @NotNull @Valid OtpRequest request) {
    return new TotpEnableResponse("TOTP has been successfully enabled", true, mfa.enable(user.userId(), request.otpCode()), 200);
  }

  @POST
  @Path("disable")
  @Timed
  @ExceptionMetered
  public MessageResponse disable(@Auth AccountPrincipal user, @NotNull @Valid TotpDisableRequest request) {
    mfa.disable(user.userId(), request.password(), request.otpCode());
    return MessageResponse.ok("TOTP has been disabled");
  }
}
