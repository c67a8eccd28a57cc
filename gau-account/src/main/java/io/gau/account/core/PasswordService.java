package io.gau.account.core;

import io.gau.account.db.AccountStore;
import io.gau.account.db.UserRow;
import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Password change (signed in), forgotten-password mail, and reset with a single-use token. */
public class PasswordService {
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Mailer mailer;
  private final RateLimiter limiter;
  private final LoginService logins;
  private final InstantSource clock;
  private final String publicBaseUrl;
  private final Duration resetTtl;
  private final Duration mailInterval;
  private final RequestQuotas resetMails;

  public PasswordService(AccountStore store, PasswordHasher hasher, PasswordPolicy policy, Mailer mailer,
      RateLimiter limiter, LoginService logins, InstantSource clock, String publicBaseUrl, Duration resetTtl,
      Duration mailInterval, RequestQuotas resetMails) {
    this.store = store;
    this.hasher = hasher;
    this.policy = policy;
    this.mailer = mailer;
    this.limiter = limiter;
    this.logins = logins;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.resetTtl = resetTtl;
    this.mailInterval = mailInterval;
    this.resetMails = resetMails;
  }

  /** Replaces the password after checking the current one, then ends every other session. */
  public void change(UUID userId, String sessionId, String current, String next) {
    UserRow user = store.read(daos -> daos.users().findById(userId))
        .orElseThrow(() -> ApiException.notFound("user_not_found", "User not found"));
    if (user.passwordHash() == null) {
      throw ApiException.badRequest("no_password", "This account has no password yet; use password/forgot to set one");
    }
    if (hasher.verify(current, user.passwordHash()) == PasswordHasher.Result.NO_MATCH) {
      throw ApiException.forbidden("invalid_password", "current_password is incorrect");
    }
    policy.check("new_password", next, user.email(), user.username());
    String hash = hasher.hash(next);
    store.inTransaction(daos -> {
      daos.users().updatePasswordHash(userId, hash, clock.instant());
      queueChanged(daos, user);
      return null;
    });
    logins.revokeOtherSessions(userId, sessionId);
  }

  /**
   * Mails a reset link if an account has that address; the caller answers 202 either way. One client
   * address asking for too many addresses gets 429 (whatever they are, so it reveals nothing); an address
   * asked for too often gets no more mail, silently, and at most one per mail interval.
   */
  public void forgot(String rawEmail, String clientAddress) {
    String email;
    try {
      email = Identifiers.email("email", rawEmail);
    } catch (ApiException e) {
      return;
    }
    RequestQuotas.Spent spent = resetMails.spend(limiter, clientAddress, email);
    if (spent.addressWait() > 0) {
      throw RequestQuotas.refusal("reset requests", spent.addressWait());
    }
    if (spent.targetWait() > 0) {
      return;
    }
    Optional<UserRow> user = store.read(daos -> daos.users().findByEmail(email));
    if (user.isEmpty() || !limiter.allowOnce("reset:" + email, mailInterval)) {
      return;
    }
    String token = Secrets.newToken();
    Instant now = clock.instant();
    store.inTransaction(daos -> {
      daos.tokens().insertReset(Sha256.of(token), user.get().userId(), now, now.plus(resetTtl));
      mailer.queue(daos, Mailer.Template.RESET_PASSWORD, email, user.get().fullname(),
          "Someone asked to reset the password of your Gau account. If it was you, open this link within "
              + resetTtl.toMinutes() + " minutes. Otherwise ignore this mail.",
          publicBaseUrl + "/api/v2/account/password/reset/" + token, Map.of("expires_in_minutes", resetTtl.toMinutes()));
      return null;
    });
  }

  /** True when the token could still reset a password (for the form page). */
  public boolean resetTokenUsable(String token) {
    return token != null && token.length() <= 128
        && store.read(daos -> daos.tokens().findUsableReset(Sha256.of(token), clock.instant())).isPresent();
  }

  /** Sets a new password with a reset token (single use), then logs the user out everywhere. */
  public void reset(String token, String next) {
    if (token == null || token.length() > 128) {
      throw ApiException.badRequest("invalid_token", "Invalid or expired reset token");
    }
    byte[] hash = Sha256.of(token);
    UUID userId = store.read(daos -> daos.tokens().findUsableReset(hash, clock.instant()))
        .orElseThrow(() -> ApiException.badRequest("invalid_token", "Invalid or expired reset token"));
    UserRow user = store.read(daos -> daos.users().findById(userId))
        .orElseThrow(() -> ApiException.badRequest("invalid_token", "Invalid or expired reset token"));
    policy.check("new_password", next, user.email(), user.username());
    String newHash = hasher.hash(next);
    store.inTransaction(daos -> {
      Instant now = clock.instant();
      if (daos.tokens().useReset(hash, now).isEmpty()) {
        throw ApiException.badRequest("invalid_token", "Invalid or expired reset token");
      }
      daos.tokens().voidResets(userId, now);
      daos.users().updatePasswordHash(userId, newHash, now);
      queueChanged(daos, user);
      return null;
    });
    logins.logoutEverywhere(userId);
  }

  private void queueChanged(io.gau.account.db.Daos daos, UserRow user) {
    if (user.email() != null) {
      mailer.queue(daos, Mailer.Template.PASSWORD_CHANGED, user.email(), user.fullname(),
          "The password of your Gau account was changed. If this was not you, reset it at once.", null, Map.of());
    }
  }
}
