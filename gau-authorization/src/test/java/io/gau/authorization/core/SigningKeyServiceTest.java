package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyServiceTest {
  final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T12:00:00Z"));
  final InMemorySigningKeyDao dao = new InMemorySigningKeyDao();
  final SigningKeyService keys =
      new SigningKeyService(
          dao, new SecretBox("unit-test-signing-secret-0123456789"), clock, Duration.ofSeconds(60),
          Duration.ofMinutes(16));

  @Test
  void theFirstLoadCreatesOneEncryptedKeyThatSigns() {
    SigningKeyService.KeySet set = keys.reload();
    assertThat(dao.rows).hasSize(1);
    assertThat(set.signingKid()).isEqualTo(dao.rows.get(0).kid());
    assertThat(new String(dao.rows.get(0).privateKeyCiphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("\"d\"");
    assertThat(set.jwksJson()).contains(set.signingKid()).doesNotContain("\"d\"");
  }

  @Test
  void aRotatedKeyIsPublishedAtOnceSignsAfterTheDelayAndTheOldOneRetiresAfterItsTokensExpire() {
    String first = keys.reload().signingKid();
    clock.advance(Duration.ofHours(1));
    String second = keys.rotate();
    assertThat(keys.current().signingKid()).isEqualTo(first);
    assertThat(keys.current().verifiers()).containsKeys(first, second);

    clock.advance(Duration.ofSeconds(61));
    assertThat(keys.reload().signingKid()).isEqualTo(second);
    assertThat(keys.current().verifiers()).containsKeys(first, second);

    clock.advance(Duration.ofMinutes(16));
    assertThat(keys.reload().verifiers()).containsOnlyKeys(second);
    assertThat(keys.verificationKey(first)).isEmpty();
  }
}
