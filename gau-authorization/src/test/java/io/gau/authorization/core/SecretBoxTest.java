package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  final SecretBox box = new SecretBox("a-secret-that-is-long-enough-0123456789");

  @Test
  void aSealedValueOpensOnlyWithTheSameSecretAndPurpose() {
    byte[] sealed = box.seal("private jwk".getBytes(StandardCharsets.UTF_8), "signing-key:k1");
    assertThat(new String(box.open(sealed, "signing-key:k1"), StandardCharsets.UTF_8)).isEqualTo("private jwk");
    assertThat(sealed).asString(StandardCharsets.ISO_8859_1).doesNotContain("private jwk");
    assertThatThrownBy(() -> box.open(sealed, "signing-key:k2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretBox("another-secret-long-enough-0123456789").open(sealed, "signing-key:k1"))
        .isInstanceOf(IllegalStateException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> box.open(sealed, "signing-key:k1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
    byte[] value = "x".getBytes(StandardCharsets.UTF_8);
    assertThat(box.seal(value, "p")).isNotEqualTo(box.seal(value, "p"));
  }
}
