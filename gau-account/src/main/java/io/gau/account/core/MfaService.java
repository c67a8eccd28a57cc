package io.gau.account.core;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.gau.account.db.AccountStore;
import io.gau.account.db.MfaRow;
import io.gau.account.db.UserRow;
import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/** TOTP enrolment (QR + otpauth URI), enabling with a code, recovery codes, checking codes, disabling. */
public class MfaService {
  /** A fresh enrolment: what the QR route answers. */
  public record Enrolment(String otpauthUri, String qrPngBase64, String secret, String account, String issuer) {}

  private static final int RECOVERY_CODES = 10;

  private final AccountStore store;
  private final SecretBox box;
  private final PasswordHasher hasher;
  private final InstantSource clock;
  private final String issuer;

  public MfaService(AccountStore store, SecretBox box, PasswordHasher hasher, InstantSource clock, String issuer) {
    this.store = store;
    this.box = box;
    this.hasher = hasher;
    this.clock = clock;
    this.issuer = issuer;
  }

  /** Creates (or replaces) a not-yet-enabled secret; 400 when TOTP is already on. */
  public Enrolment enrol(UUID userId) {
    UserRow user = store.read(daos -> daos.users().findById(userId))
        .orElseThrow(() -> ApiException.notFound("user_not_found", "User not found"));
    byte[] secret = Secrets.randomBytes(20);
    int stored = store.read(daos -> daos.mfa().upsertPending(userId, box.seal(secret), clock.instant()));
    if (stored == 0) {
      throw ApiException.badRequest("totp_already_enabled", "TOTP is already enabled for this user");
    }
    String account = user.email() != null ? user.email() : user.username();
    String base32 = Base32.encode(secret);
    String uri = "otpauth://totp/" + enc(issuer) + ":" + enc(account) + "?secret=" + base32 + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    return new Enrolment(uri, qrPng(uri), base32, account, issuer);
  }

  /** Turns TOTP on with a current code and returns the recovery codes (shown once, stored hashed). */
  public List<String> enable(UUID userId, String code) {
    MfaRow row = store.read(daos -> daos.mfa().find(userId))
        .orElseThrow(() -> ApiException.badRequest("totp_not_set_up", "No TOTP setup found. Please generate QR code first"));
    if (row.enabled()) {
      throw ApiException.badRequest("totp_already_enabled", "TOTP is already enabled for this user");
    }
    OptionalLong step = Totp.matchingStep(box.open(row.secretEnc()), code, currentStep());
    if (step.isEmpty()) {
      throw ApiException.badRequest("invalid_otp", "Invalid OTP code");
    }
    List<String> codes = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String raw = Base32.encode(Secrets.randomBytes(8)).toLowerCase(Locale.ROOT).substring(0, 10);
      String shown = raw.substring(0, 5) + "-" + raw.substring(5);
      codes.add(shown);
      hashes.add(Sha256.of(normalizeRecovery(shown)));
    }
    Instant now = clock.instant();
    int enabled = store.inTransaction(daos -> {
      int n = daos.mfa().enable(userId, step.getAsLong(), now);
      if (n == 1) {
        daos.mfa().deleteRecoveryCodes(userId);
        daos.mfa().insertRecoveryCodes(userId, hashes);
      }
      return n;
    });
    if (enabled == 0) {
      throw ApiException.badRequest("invalid_otp", "Invalid OTP code");
    }
    return codes;
  }

  public boolean enabled(UUID userId) {
    return store.read(daos -> daos.mfa().find(userId)).map(MfaRow::enabled).orElse(false);
  }

  /**
   * True for a current TOTP code whose time step is later than the last one used (so a code cannot be
   * replayed), or for an unused recovery code (then spent).
   */
  public boolean checkCode(UUID userId, String code) {
    MfaRow row = store.read(daos -> daos.mfa().find(userId)).filter(MfaRow::enabled).orElse(null);
    if (row == null || code == null) {
      return false;
    }
    String trimmed = code.trim();
    if (trimmed.matches("\\d{" + Totp.DIGITS + "}")) {
      OptionalLong step = Totp.matchingStep(box.open(row.secretEnc()), trimmed, currentStep());
      return step.isPresent() && store.read(daos -> daos.mfa().useStep(userId, step.getAsLong(), clock.instant())) == 1;
    }
    byte[] hash = Sha256.of(normalizeRecovery(trimmed));
    return store.read(daos -> daos.mfa().useRecoveryCode(userId, hash, clock.instant())) == 1;
  }

  /** Turns TOTP off after the password (if the account has one) and a valid code. */
  public void disable(UUID userId, String password, String code) {
    UserRow user = store.read(daos -> daos.users().findById(userId))
        .orElseThrow(() -> ApiException.notFound("user_not_found", "User not found"));
    if (user.passwordHash() != null
        && (password == null || hasher.verify(password, user.passwordHash()) == PasswordHasher.Result.NO_MATCH)) {
      throw ApiException.forbidden("invalid_password", "Password is incorrect");
    }
    if (!enabled(userId)) {
      throw ApiException.badRequest("totp_not_enabled", "TOTP is not enabled for this user");
    }
    if (!checkCode(userId, code)) {
      throw ApiException.badRequest("invalid_otp", "Invalid OTP code");
    }
    store.inTransaction(daos -> {
      daos.mfa().deleteRecoveryCodes(userId);
      return daos.mfa().delete(userId);
    });
  }

  private long currentStep() {
    return Totp.step(clock.instant().getEpochSecond());
  }

  private static String normalizeRecovery(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String qrPng(String text) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("QR code generation failed", e);
    }
  }
}
