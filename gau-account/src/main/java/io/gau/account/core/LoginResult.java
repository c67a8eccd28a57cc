package io.gau.account.core;

import io.gau.shared.authorization.api.TokenPairResponse;

/** What a correct password gets: tokens, or (TOTP on) a challenge for the second step. */
public sealed interface LoginResult {
  /** Signed in: the new session's token pair. */
  record Tokens(TokenPairResponse pair) implements LoginResult {}

  /** Password correct, a TOTP or recovery code is still needed. */
  record MfaChallenge(String mfaToken, long expiresInSeconds) implements LoginResult {}
}
