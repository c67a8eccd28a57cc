package io.gau.account.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gau.shared.crypto.Sha256;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1, 2);

  @Test
  void reusedMemoryPoolsGiveTheSameHashAsAFreshGenerator() {
    // the hasher recycles argon2 memory blocks between calls: the output must not depend on leftovers
    byte[] salt = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    org.bouncycastle.crypto.generators.Argon2BytesGenerator fresh =
        new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
    fresh.init(
        new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
            .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(19456)
            .withIterations(2)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] expected = new byte[32];
    fresh.generateBytes("Correct-Horse-1".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
    String stored =
        "$argon2id$v=19$m=19456,t=2,p=1$"
            + java.util.Base64.getEncoder().withoutPadding().encodeToString(salt)
            + "$"
            + java.util.Base64.getEncoder().withoutPadding().encodeToString(expected);
    for (int i = 0; i < 6; i++) {
      hasher.hash("some other password " + i); // dirties the pooled blocks
      assertThat(hasher.verify("Correct-Horse-1", stored)).isEqualTo(PasswordHasher.Result.MATCH);
    }
  }

  @Test
  void storesAnArgon2idPhcStringThatVerifiesOnlyTheSamePassword() {
    String hash = hasher.hash("Correct-Horse-1");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("Correct-Horse-1", hash)).isEqualTo(PasswordHasher.Result.MATCH);
    assertThat(hasher.verify("Correct-Horse-2", hash)).isEqualTo(PasswordHasher.Result.NO_MATCH);
    assertThat(hasher.hash("Correct-Horse-1")).isNotEqualTo(hash);
  }

  @Test
  void verifiesLegacyUnsaltedSha256HashesAndAsksForARehash() {
    String legacy = HexFormat.of().formatHex(Sha256.of("old-password-123"));
    assertThat(hasher.verify("old-password-123", legacy)).isEqualTo(PasswordHasher.Result.MATCH_NEEDS_REHASH);
    assertThat(hasher.verify("old-password-124", legacy)).isEqualTo(PasswordHasher.Result.NO_MATCH);
  }

  @Test
  void asksForARehashWhenStoredParametersAreWeaker() {
    String weak = new PasswordHasher(19456, 2, 1, 1).hash("Correct-Horse-1");
    PasswordHasher stronger = new PasswordHasher(19456, 3, 1, 1);
    assertThat(stronger.verify("Correct-Horse-1", weak)).isEqualTo(PasswordHasher.Result.MATCH_NEEDS_REHASH);
  }

  @Test
  void neverMatchesAMissingOrUnknownHash() {
    assertThat(hasher.verify("anything-at-all", null)).isEqualTo(PasswordHasher.Result.NO_MATCH);
    assertThat(hasher.verify("anything-at-all", "plaintext")).isEqualTo(PasswordHasher.Result.NO_MATCH);
  }
}
