package io.gau.account.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gau.shared.errors.ApiException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = PasswordPolicy.withBundledDenyList();

  @Test
  void acceptsALongUncommonPassword() {
    assertThatCode(() -> policy.check("password", "Correct-Horse-7f3a", "a@example.com", "alice")).doesNotThrowAnyException();
  }

  @Test
  void refusesShortCommonAndPersonalPasswords() {
    assertThatThrownBy(() -> policy.check("password", "short", null, null)).isInstanceOf(ApiException.class)
        .hasMessageContaining("at least 10");
    assertThatThrownBy(() -> policy.check("password", "Password123", null, null)).hasMessageContaining("too common");
    assertThatThrownBy(() -> policy.check("password", "qwertyuiop", null, null)).hasMessageContaining("too common");
    assertThatThrownBy(() -> policy.check("password", "aaaaaaaaaaaa", null, null)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> policy.check("password", "alice.smith@example.com", "alice.smith@example.com", null))
        .hasMessageContaining("email or username");
    assertThatThrownBy(() -> policy.check("password", "", null, null)).hasMessageContaining("required");
  }
}
