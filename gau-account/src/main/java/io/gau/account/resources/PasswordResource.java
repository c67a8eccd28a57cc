package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.PasswordChangeRequest;
import io.gau.account.api.PasswordForgotRequest;
import io.gau.account.api.PasswordResetRequest;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.core.PasswordService;
import io.gau.account.views.MessageView;
import io.gau.account.views.ResetPasswordView;
import io.gau.shared.api.MessageResponse;
import io.gau.shared.errors.ApiException;
import io.gau.shared.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Password change, forgotten password, and the reset page + API. */
@Path("/api/v2/account/password")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {
  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
  private final PasswordService passwords;
  private final ClientAddress clients;

  public PasswordResource(PasswordService passwords, ClientAddress clients) {
    this.passwords = passwords;
    this.clients = clients;
  }

  @POST
  @Path("change")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public MessageResponse change(@Auth AccountPrincipal user, @NotNull @Valid PasswordChangeRequest request) {
    passwords.change(user.userId(), user.sessionId(), request.currentPassword(), request.newPassword());
    return MessageResponse.ok("Password changed; other sessions were signed out");
  }

  /** Always 202: whether the address has an account is not revealed. */
  @POST
  @Path("forgot")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public Response forgot(@NotNull @Valid PasswordForgotRequest request, @Context HttpServletRequest http) {
    passwords.forgot(request.email(), clients.of(http));
    return Response.accepted(new MessageResponse("If an account has this address, a reset link was sent", 202)).build();
  }

  /** The page the reset mail links to: a form that posts to {@code POST /password/reset}. */
  @GET
  @Path("reset/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Timed
  @ExceptionMetered
  public Response resetPage(@PathParam("token") String token) {
    if (!passwords.resetTokenUsable(token)) {
      return Response.status(410).type(HTML)
          .entity(new MessageView("Link expired", "This reset link is invalid, used or expired. Ask for a new one.", false))
          .build();
    }
    return Response.ok(new ResetPasswordView(token, null)).type(HTML).build();
  }

  @POST
  @Path("reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public MessageResponse reset(@NotNull @Valid PasswordResetRequest request) {
    passwords.reset(request.token(), request.newPassword());
    return MessageResponse.ok("Password has been reset; sign in with the new password");
  }

  /** The form post of the reset page; answers HTML. */
  @POST
  @Path("reset")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Timed
  @ExceptionMetered
  public Response resetForm(@FormParam("token") String token, @FormParam("new_password") String password,
      @FormParam("confirm_password") String confirm) {
    if (password == null || !password.equals(confirm)) {
      return Response.status(400).type(HTML).entity(new ResetPasswordView(token, "The two passwords differ")).build();
    }
    try {
      passwords.reset(token, password);
    } catch (ApiException e) {
      // shown on the same form so the user can try another password
      return Response.status(e.status()).type(HTML).entity(new ResetPasswordView(token, e.getMessage())).build();
    }
    return Response.ok(new MessageView("Password reset", "Your password has been changed. You can sign in now.", true))
        .type(HTML).build();
  }
}
