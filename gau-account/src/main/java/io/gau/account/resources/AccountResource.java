package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.DeleteAccountRequest;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.auth.TokenCookies;
import io.gau.account.core.AccountService;
import io.gau.shared.api.MessageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Account deletion (password confirmed; every session revoked) and the signed-in verification resend. */
@Path("/api/v2/account/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  private final AccountService accounts;
  private final TokenCookies cookies;

  public AccountResource(AccountService accounts, TokenCookies cookies) {
    this.accounts = accounts;
    this.cookies = cookies;
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public Response delete(@Auth AccountPrincipal user, @NotNull @Valid DeleteAccountRequest request) {
    accounts.delete(user.userId(), request.password(), request.email());
    return Response.ok(MessageResponse.ok("Account deleted")).cookie(cookies.clear()).build();
  }

  /** Same as {@code DELETE}, for clients that cannot send a body with DELETE. */
  @POST
  @Path("delete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public Response deleteByPost(@Auth AccountPrincipal user, @NotNull @Valid DeleteAccountRequest request) {
    return delete(user, request);
  }
}
