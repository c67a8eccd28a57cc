package io.gau.account.core;

import io.gau.account.api.RegisterRequest;
import io.gau.account.api.UpdateProfileRequest;
import io.gau.account.db.AccountStore;
import io.gau.account.db.Daos;
import io.gau.account.db.EmailVerificationRow;
import io.gau.account.db.MfaRow;
import io.gau.account.db.UserRow;
import io.gau.shared.authorization.client.AuthorizationClient;
import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sign-up, profile reads and updates, email verification and account deletion. */
public class AccountService {
  /** Outcome of opening a verification link (rendered as HTML or JSON by the resource). */
  public enum Verification {
    VERIFIED,
    UNKNOWN,
    EXPIRED,
    USED,
    EMAIL_TAKEN
  }

  private static final int USERNAME_ATTEMPTS = 8;

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Mailer mailer;
  private final RateLimiter limiter;
  private final AuthorizationClient authorization;
  private final InstantSource clock;
  private final String publicBaseUrl;
  private final Duration verificationTtl;
  private final Duration mailInterval;
  private final RequestQuotas signUps;

  public AccountService(AccountStore store, PasswordHasher hasher, PasswordPolicy policy, Mailer mailer,
      RateLimiter limiter, AuthorizationClient authorization, InstantSource clock, String publicBaseUrl,
      Duration verificationTtl, Duration mailInterval, RequestQuotas signUps) {
    this.store = store;
    this.hasher = hasher;
    this.policy = policy;
    this.mailer = mailer;
    this.limiter = limiter;
    this.authorization = authorization;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.verificationTtl = verificationTtl;
    this.mailInterval = mailInterval;
    this.signUps = signUps;
  }

  /**
   * Creates the account, and in the same transaction the welcome and verification mails. Sign-ups are
   * counted per client address and per email/phone ({@link RequestQuotas}); a taken email or username is
   * answered 409 before any password is hashed, and the unique constraints still decide a race. Hashing
   * takes the sign-up share of argon2's capacity only, so a flood of sign-ups cannot starve logins.
   */
  public UUID register(RegisterRequest request, String clientAddress) {
    if (request == null) {
      throw ApiException.badRequest("invalid_request", "Request body is required");
    }
    String email = request.email() == null || request.email().isBlank() ? null : Identifiers.email("email", request.email());
    String phone = request.phone() == null || request.phone().isBlank() ? null : Identifiers.phone("phone", request.phone());
    if (email == null && phone == null) {
      throw ApiException.badRequest("missing_fields", "email (or phone) is required");
    }
    String explicitUsername =
        request.username() == null || request.username().isBlank() ? null : Identifiers.username("username", request.username());
    String fullname = Identifiers.text("fullname", request.fullname(), 255);
    String gender = Identifiers.text("gender", request.gender(), 10);
    LocalDate dateOfBirth = Identifiers.date("date_of_birth", request.dateOfBirth());
    policy.check("password", request.password(), email, explicitUsername);
    RequestQuotas.Spent spent = signUps.spend(limiter, clientAddress, email != null ? email : phone);
    if (!spent.allowed()) {
      throw RequestQuotas.refusal("sign-ups", Math.max(spent.addressWait(), spent.targetWait()));
    }
    store.read(daos -> {
      if (email != null && daos.users().findByEmail(email).isPresent()) {
        throw emailTaken();
      }
      if (explicitUsername != null && daos.users().findByUsername(explicitUsername).isPresent()) {
        throw usernameTaken();
      }
      return null;
    });
    String passwordHash = hasher.hashForSignUp(request.password());

    String base = explicitUsername != null ? explicitUsername : Identifiers.usernameBase(fullname, email);
    for (int attempt = 0; ; attempt++) {
      String username = explicitUsername != null || attempt == 0
          ? base
          : base + ThreadLocalRandom.current().nextInt(10, attempt < 3 ? 1000 : 1_000_000);
      Instant now = clock.instant();
      UserRow user = new UserRow(UUID.randomUUID(), username, email, false, null, null, phone, false, passwordHash,
          emptyToNull(fullname), emptyToNull(gender), dateOfBirth, null, null, null, "member", now, now);
      try {
        return store.inTransaction(daos -> {
          daos.users().insert(user);
          if (email != null) {
            mailer.queue(daos, Mailer.Template.WELCOME, email, fullname,
                "Welcome to Gau, " + (fullname == null || fullname.isBlank() ? username : fullname) + ".", null,
                Map.of("username", username));
            queueVerification(daos, user, email);
          }
          return user.userId();
        });
      } catch (RuntimeException e) {
        String constraint = AccountStore.violatedUniqueConstraint(e).orElseThrow(() -> e);
        if (constraint.contains("email")) {
          throw emailTaken();
        }
        if (explicitUsername != null || attempt + 1 >= USERNAME_ATTEMPTS) {
          throw usernameTaken();
        }
        // a generated username collided: try another suffix
      }
    }
  }

  private static ApiException emailTaken() {
    return ApiException.conflict("email_taken", "An account with this email already exists");
  }

  private static ApiException usernameTaken() {
    return ApiException.conflict("username_taken", "This username is already taken");
  }

  public UserRow user(UUID userId) {
    return store.read(daos -> daos.users().findById(userId))
        .orElseThrow(() -> ApiException.notFound("user_not_found", "User not found"));
  }

  public Optional<MfaRow> mfa(UUID userId) {
    return store.read(daos -> daos.mfa().find(userId));
  }

  /** Which groups of fields an update route may change. */
  public enum Fields {
    BASIC,
    SECURITY,
    COMPLETE
  }

  /**
   * Validates and saves a profile change. A new email is not applied: it waits as {@code pending_email}
   * until the link mailed to it is opened.
   */
  public UserRow update(UUID userId, UpdateProfileRequest request, Fields fields) {
    if (request == null) {
      throw ApiException.badRequest("invalid_request", "Request body is required");
    }
    boolean basic = fields != Fields.SECURITY;
    boolean security = fields != Fields.BASIC;
    String fullname = basic ? Identifiers.text("fullname", request.fullname(), 255) : null;
    String username = basic && request.username() != null ? Identifiers.username("username", request.username()) : null;
    String gender = basic ? Identifiers.text("gender", request.gender(), 10) : null;
    LocalDate dob = basic ? Identifiers.date("date_of_birth", request.dateOfBirth()) : null;
    String facebook = basic ? Identifiers.url("facebook_url", request.facebookUrl()) : null;
    String github = basic ? Identifiers.url("github_url", request.githubUrl()) : null;
    String email = security && request.email() != null && !request.email().isBlank()
        ? Identifiers.email("email", request.email()) : null;
    String phone = security && request.phone() != null
        ? (request.phone().isBlank() ? "" : Identifiers.phone("phone", request.phone())) : null;
    try {
      return store.inTransaction(daos -> {
        UserRow old = daos.users().findById(userId)
            .orElseThrow(() -> ApiException.notFound("user_not_found", "User not found"));
        boolean emailChange = email != null && !email.equals(old.email());
        if (emailChange && daos.users().findByEmail(email).isPresent()) {
          throw emailTaken();
        }
        String newPhone = phone == null ? old.phone() : emptyToNull(phone);
        boolean phoneChanged = phone != null && !java.util.Objects.equals(newPhone, old.phone());
        String pending = email == null ? old.pendingEmail() : emailChange ? email : null;
        UserRow updated = new UserRow(old.userId(),
            username == null ? old.username() : username,
            old.email(), old.emailVerified(), old.emailVerifiedAt(), pending,
            newPhone, phoneChanged ? false : old.phoneVerified(), old.passwordHash(),
            keep(fullname, old.fullname()), keep(gender, old.gender()),
            basic && request.dateOfBirth() != null ? dob : old.dateOfBirth(),
            keep(facebook, old.facebookUrl()), keep(github, old.githubUrl()), old.avatarUrl(), old.permission(),
            old.createdAt(), clock.instant());
        daos.users().updateProfile(updated);
        if (emailChange) {
          queueVerification(daos, updated, email);
        }
        return daos.users().findById(userId).orElseThrow();
      });
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      AccountStore.violatedUniqueConstraint(e).orElseThrow(() -> e);
      throw usernameTaken();
    }
  }

  /** Opens a verification link: single use, expiring; the address it names becomes the verified email. */
  public Verification verifyEmail(String token) {
    if (token == null || token.length() > 128) {
      return Verification.UNKNOWN;
    }
    byte[] hash = Sha256.of(token);
    Instant now = clock.instant();
    try {
      return store.inTransaction(daos -> {
        Optional<EmailVerificationRow> row = daos.tokens().findVerification(hash);
        if (row.isEmpty()) {
          return Verification.UNKNOWN;
        }
        if (row.get().usedAt() != null) {
          return Verification.USED;
        }
        if (daos.tokens().useVerification(hash, now) == 0) {
          return row.get().expiresAt().isAfter(now) ? Verification.USED : Verification.EXPIRED;
        }
        UserRow user = daos.users().findById(row.get().userId()).orElse(null);
        // a link for an address the user has since replaced is stale
        if (user == null || !(row.get().email().equals(user.email()) || row.get().email().equals(user.pendingEmail()))) {
          return Verification.EXPIRED;
        }
        daos.users().markEmailVerified(user.userId(), row.get().email(), now);
        return Verification.VERIFIED;
      });
    } catch (RuntimeException e) {
      AccountStore.violatedUniqueConstraint(e).orElseThrow(() -> e);
      return Verification.EMAIL_TAKEN;
    }
  }

  /** Sends a new link to the signed-in user's unverified (or pending) address; rate-limited. */
  public String resendVerification(UUID userId) {
    UserRow user = user(userId);
    String target = user.pendingEmail() != null ? user.pendingEmail() : user.emailVerified() ? null : user.email();
    if (target == null) {
      return user.email() == null ? "No email address to verify" : "Email already verified";
    }
    if (!limiter.allowOnce("verify:" + userId, mailInterval)) {
      throw ApiException.tooManyRequests("A verification email was sent recently", (int) mailInterval.toSeconds());
    }
    store.inTransaction(daos -> {
      queueVerification(daos, user, target);
      return null;
    });
    return "Verification email sent successfully";
  }

  /**
   * The reference's unauthenticated resend by user id: answers the same whatever the id, and sends at
   * most one mail per interval, only to an account that still needs verifying.
   */
  public void resendVerificationQuietly(String userIdText) {
    UUID userId;
    try {
      userId = UUID.fromString(userIdText);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!limiter.allowOnce("verify:" + userId, mailInterval)) {
      return;
    }
    store.inTransaction(daos -> {
      daos.users().findById(userId).ifPresent(user -> {
        String target = user.pendingEmail() != null ? user.pendingEmail() : user.emailVerified() ? null : user.email();
        if (target != null) {
          queueVerification(daos, user, target);
        }
      });
      return null;
    });
  }

  /** Deletes the account after checking the password (or, with no password, the email); logs out everywhere first. */
  public void delete(UUID userId, String password, String email) {
    UserRow user = user(userId);
    if (user.passwordHash() != null) {
      if (password == null || hasher.verify(password, user.passwordHash()) == PasswordHasher.Result.NO_MATCH) {
        throw ApiException.forbidden("invalid_password", "Password is incorrect");
      }
    } else if (email == null || user.email() == null || !Identifiers.loginKey(email).equals(user.email())) {
      throw ApiException.forbidden("confirmation_required", "Confirm with the account's email address");
    }
    authorization.revokeAll(userId);
    store.inTransaction(daos -> daos.users().delete(userId));
  }

  private void queueVerification(Daos daos, UserRow user, String email) {
    String token = Secrets.newToken();
    Instant now = clock.instant();
    daos.tokens().insertVerification(Sha256.of(token), user.userId(), email, now, now.plus(verificationTtl));
    String link = publicBaseUrl + "/api/v2/account/verify-email/" + token;
    mailer.queue(daos, Mailer.Template.VERIFY_EMAIL, email, user.fullname(),
        "Please confirm your email address by opening this link. It expires in "
            + verificationTtl.toHours() + " hours.", link, Map.of("expires_in_hours", verificationTtl.toHours()));
  }

  private static String keep(String update, String old) {
    return update == null ? old : emptyToNull(update);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
