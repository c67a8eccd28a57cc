package io.gau.account.auth;

import java.security.Principal;
import java.util.UUID;

/** The signed-in caller: from a valid, unrevoked access token. */
public record AccountPrincipal(UUID userId, String permission, String sessionId) implements Principal {
  @Override
  public String getName() {
    return userId.toString();
  }
}
