package io.gau.account.auth;

import io.dropwizard.auth.Authenticator;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.errors.ApiException;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks gau-authorization about every access token (signature and the revocation bitmap), caching
 * nothing, so that logout and logout-everywhere take effect on the next request.
 */
public class AccessTokenAuthenticator implements Authenticator<String, AccountPrincipal> {
  private final AuthorizationClient authorization;

  public AccessTokenAuthenticator(AuthorizationClient authorization) {
    this.authorization = authorization;
  }

  @Override
  public Optional<AccountPrincipal> authenticate(String token) {
    AccessTokenClaims claims;
    try {
      claims = authorization.validate(token);
    } catch (ApiException e) {
      if (e.status() >= 400 && e.status() < 500) {
        return Optional.empty();
      }
      throw e;
    }
    if (claims == null || claims.userId() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AccountPrincipal(UUID.fromString(claims.userId()),
          claims.permission() == null ? "" : claims.permission(), claims.sessionId()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
