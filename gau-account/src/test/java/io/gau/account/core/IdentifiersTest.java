package io.gau.account.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gau.shared.errors.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertThat(Identifiers.email("email", "  Alice.Smith@Example.COM ")).isEqualTo("alice.smith@example.com");
  }

  @Test
  void implausibleEmailsAreRefused() {
    for (String bad : new String[] {"not-an-email", "a@b", "@example.com", "a@.com", "a..b@example.com", "a b@example.com"}) {
      assertThatThrownBy(() -> Identifiers.email("email", bad)).isInstanceOf(ApiException.class);
    }
  }

  @Test
  void usernamesFollowTheRules() {
    assertThat(Identifiers.username("username", "Alice_01")).isEqualTo("alice_01");
    assertThatThrownBy(() -> Identifiers.username("username", "ab")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Identifiers.username("username", "-alice")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Identifiers.username("username", "a@b.c")).isInstanceOf(ApiException.class);
  }

  @Test
  void generatedUsernamesAreAsciiFromTheFullName() {
    assertThat(Identifiers.usernameBase("Nguyễn Văn Đức", null)).isEqualTo("nguyenvanduc");
    assertThat(Identifiers.usernameBase(null, "jo@example.com")).isEqualTo("userjo");
  }

  @Test
  void datesAcceptRfc3339AndPlainDates() {
    assertThat(Identifiers.date("date_of_birth", "1990-01-02")).isEqualTo(LocalDate.of(1990, 1, 2));
    assertThat(Identifiers.date("date_of_birth", "1990-01-02T00:00:00Z")).isEqualTo(LocalDate.of(1990, 1, 2));
    assertThatThrownBy(() -> Identifiers.date("date_of_birth", "02/01/1990")).hasMessageContaining("date_of_birth");
  }
}
