package io.gau.account.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_KEY =
      "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void producesTheRfc6238TestVectors(long time, String sha1, String sha256, String sha512) {
    long step = Totp.step(time);
    assertThat(Totp.code(SHA1_KEY, step, "HmacSHA1", 8)).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_KEY, step, "HmacSHA256", 8)).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_KEY, step, "HmacSHA512", 8)).isEqualTo(sha512);
  }

  @Test
  void acceptsTheNeighbouringStepsAndNothingFurther() {
    long now = Totp.step(1_700_000_000L);
    String previous = Totp.code(SHA1_KEY, now - 1, "HmacSHA1", 6);
    String next = Totp.code(SHA1_KEY, now + 1, "HmacSHA1", 6);
    String tooOld = Totp.code(SHA1_KEY, now - 2, "HmacSHA1", 6);
    assertThat(Totp.matchingStep(SHA1_KEY, previous, now)).hasValue(now - 1);
    assertThat(Totp.matchingStep(SHA1_KEY, next, now)).hasValue(now + 1);
    if (!tooOld.equals(previous) && !tooOld.equals(next) && !tooOld.equals(Totp.code(SHA1_KEY, now, "HmacSHA1", 6))) {
      assertThat(Totp.matchingStep(SHA1_KEY, tooOld, now)).isEmpty();
    }
  }

  @Test
  void rejectsCodesThatAreNotSixDigits() {
    assertThat(Totp.matchingStep(SHA1_KEY, "12345", 1)).isEmpty();
    assertThat(Totp.matchingStep(SHA1_KEY, "abcdef", 1)).isEmpty();
    assertThat(Totp.matchingStep(SHA1_KEY, null, 1)).isEmpty();
  }

  @Test
  void base32RoundTripsSecretsForAuthenticatorApps() {
    byte[] secret = Secrets.randomBytes(20);
    String encoded = Base32.encode(secret);
    assertThat(encoded).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Base32.decode(encoded)).isEqualTo(secret);
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
  }
}
