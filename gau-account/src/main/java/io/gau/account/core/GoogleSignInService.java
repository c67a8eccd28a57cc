package io.gau.account.core;

import io.gau.account.db.AccountStore;
import io.gau.account.db.UserRow;
import io.gau.shared.errors.ApiException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google sign-in (A18). Links to an existing account only when both sides have verified the address,
 * so nobody can pre-register a victim's email and later inherit their Google sign-in.
 */
public class GoogleSignInService {
  private static final Logger LOG = LoggerFactory.getLogger(GoogleSignInService.class);

  private record Outcome(UserRow user, boolean created) {}

  private final AccountStore store;
  private final GoogleVerifier google;
  private final AvatarService avatars;
  private final LoginService logins;
  private final Mailer mailer;
  private final InstantSource clock;

  public GoogleSignInService(AccountStore store, GoogleVerifier google, AvatarService avatars, LoginService logins,
      Mailer mailer, InstantSource clock) {
    this.store = store;
    this.google = google;
    this.avatars = avatars;
    this.logins = logins;
    this.mailer = mailer;
    this.clock = clock;
  }

  public LoginResult signIn(String token, String deviceId, String clientIp) {
    // the device is checked before anything is created (reference bug: user first, then 400)
    LoginService.requireDevice(deviceId);
    GoogleProfile profile = google.verify(token);
    String email = Identifiers.email("email from Google", profile.email());
    boolean created = false;
    UserRow user = null;
    for (int attempt = 0; user == null; attempt++) {
      final int n = attempt;
      try {
        Outcome result = store.inTransaction(daos -> {
          Optional<UUID> linked = daos.google().findUser(profile.subject());
          if (linked.isPresent()) {
            return new Outcome(daos.users().findById(linked.get()).orElseThrow(), false);
          }
          Optional<UserRow> existing = daos.users().findByEmail(email);
          Instant now = clock.instant();
          if (existing.isPresent()) {
            if (!existing.get().emailVerified() || !profile.emailVerified()) {
              throw ApiException.conflict("account_exists",
                  "An account with this email exists; sign in with its password and verify the email first");
            }
            daos.google().link(profile.subject(), existing.get().userId(), email, now);
            return new Outcome(existing.get(), false);
          }
          String base = Identifiers.usernameBase(profile.name(), email);
          String username = n == 0 ? base : base + ThreadLocalRandom.current().nextInt(10, 1_000_000);
          UserRow fresh = new UserRow(UUID.randomUUID(), username, email, profile.emailVerified(),
              profile.emailVerified() ? now : null, null, null, false, null,
              profile.name() == null ? null : profile.name().substring(0, Math.min(255, profile.name().length())),
              null, null, null, null, null, "member", now, now);
          daos.users().insert(fresh);
          daos.google().link(profile.subject(), fresh.userId(), email, now);
          mailer.queue(daos, Mailer.Template.WELCOME, email, fresh.fullname(), "Welcome to Gau.", null,
              Map.of("username", username));
          return new Outcome(fresh, true);
        });
        user = result.user();
        created = result.created();
      } catch (ApiException e) {
        throw e;
      } catch (RuntimeException e) {
        String constraint = AccountStore.violatedUniqueConstraint(e).orElseThrow(() -> e);
        if (attempt >= 7) {
          throw ApiException.conflict("sign_in_conflict", "Concurrent sign-in; try again");
        }
        LOG.debug("google sign-in retry after unique violation on {}", constraint);
      }
    }
    if (created && profile.picture() != null && !profile.picture().isBlank()) {
      copyAvatar(user.userId(), profile.picture());
    }
    return logins.signedIn(user, deviceId, clientIp);
  }

  private void copyAvatar(UUID userId, String pictureUrl) {
    try {
      google.download(pictureUrl).ifPresent(bytes -> avatars.update(userId, bytes, "google.png", null));
    } catch (RuntimeException e) {
      LOG.warn("Google avatar not copied for a new user: {}", e.getMessage());
    }
  }
}
