package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.RegisterRequest;
import io.gau.account.api.RegisterResponse;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.core.AccountService;
import io.gau.account.views.MessageView;
import io.gau.shared.api.MessageResponse;
import io.gau.shared.errors.ErrorResponse;
import io.gau.shared.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-up (A1), email verification (A3) and resending the verification mail (A4). */
@Path("/api/v2/account")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {
  private final AccountService accounts;
  private final ClientAddress clients;

  public RegistrationResource(AccountService accounts, ClientAddress clients) {
    this.accounts = accounts;
    this.clients = clients;
  }

  @POST
  @Path("basic/register")
  @Timed
  @ExceptionMetered
  public RegisterResponse register(RegisterRequest request, @Context HttpServletRequest http) {
    return new RegisterResponse("Registration successful", accounts.register(request, clients.of(http)), 200);
  }

  /** A3: an HTML page for browsers (the mail link), JSON for API clients ({@code Accept: application/json}). */
  @GET
  @Path("verify-email/{token}")
  @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Timed
  @ExceptionMetered
  public Response verifyEmail(@PathParam("token") String token, @Context HttpHeaders headers) {
    AccountService.Verification result = accounts.verifyEmail(token);
    int status = switch (result) {
      case VERIFIED -> 200;
      case UNKNOWN -> 400;
      case EXPIRED, USED -> 410;
      case EMAIL_TAKEN -> 409;
    };
    String message = switch (result) {
      case VERIFIED -> "Email verified successfully";
      case UNKNOWN -> "Invalid or expired verification token";
      case EXPIRED -> "This verification link has expired; request a new one";
      case USED -> "This verification link was already used";
      case EMAIL_TAKEN -> "This email address now belongs to another account";
    };
    if (Negotiation.wantsHtml(headers)) {
      return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(new MessageView(status == 200 ? "Email verified" : "Verification failed", message, status == 200))
          .build();
    }
    Object body = status == 200 ? MessageResponse.ok(message)
        : new ErrorResponse(message, status, result.name().toLowerCase(java.util.Locale.ROOT));
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Resend for the signed-in user. */
  @POST
  @Path("send-verification")
  @Timed
  @ExceptionMetered
  public MessageResponse resend(@Auth AccountPrincipal user) {
    return MessageResponse.ok(accounts.resendVerification(user.userId()));
  }

  /** Compatibility route of the reference: always 202, never says whether the user exists. */
  @POST
  @Path("send-verification/{user_id}")
  @Timed
  @ExceptionMetered
  public Response resendById(@PathParam("user_id") String userId) {
    accounts.resendVerificationQuietly(userId);
    return Response.accepted(new MessageResponse("If the account needs verifying, a mail is on its way", 202)).build();
  }

  /** A19: the reference's health route. */
  @GET
  @Timed
  @ExceptionMetered
  public MessageResponse health() {
    return MessageResponse.ok("running");
  }

}
