package io.gau.email.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailRendererTest {
  private final MailRenderer renderer =
      new MailRenderer("Gau", "https://gauas.online", InstantSource.fixed(Instant.parse("2026-11-25T10:00:00Z")));

  private static MailRequest request(EmailTemplate template, String locale, String name, List<String> lines, String url) {
    return new MailRequest(null, template, locale, "a@example.com", name, lines, url, Map.of());
  }

  @Test
  void valuesAreEscapedInHtmlAndVerbatimInText() {
    RenderedMail mail =
        renderer.render(request(EmailTemplate.CONFIRMATION, "en", "<script>alert(1)</script>", List.of("Line <b>one</b>", "Line two"), null));
    assertThat(mail.html())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<p style=\"margin:0 0 12px;font-size:15px;line-height:1.5;\">Line &lt;b&gt;one&lt;/b&gt;</p>")
        .contains(">Line two</p>");
    assertThat(mail.text()).contains("Hello <script>alert(1)</script>,", "Line <b>one</b>\nLine two\n");
    assertThat(mail.html()).contains("2026 Gau");
  }

  @Test
  void verificationMailShowsTheLinkInBothParts() {
    String url = "http://localhost:8080/api/v2/account/verify-email/abc?x=1&y=2";
    RenderedMail mail = renderer.render(request(EmailTemplate.VERIFY_EMAIL, "en", "An", List.of(), url));
    assertThat(mail.subject()).isEqualTo("Verify your email address - Gau");
    assertThat(mail.html()).contains("href=\"http://localhost:8080/api/v2/account/verify-email/abc?x=1&amp;y=2\"");
    assertThat(mail.text()).contains("Verify email: " + url);
  }

  @Test
  void vietnameseMailHasVietnameseSubjectAndGreeting() {
    RenderedMail mail = renderer.render(request(EmailTemplate.RESET_PASSWORD, "vi", "Minh", List.of(), "http://localhost:8080/r"));
    assertThat(mail.subject()).isEqualTo("Đặt lại mật khẩu - Gau");
    assertThat(mail.text()).contains("Xin chào Minh,");
  }

  @Test
  void dataValuesFillTheTemplateAndAreEscaped() {
    MailRequest request =
        new MailRequest(null, EmailTemplate.LOGIN_ALERT, "en", "a@example.com", "An", List.of(), null,
            Map.of("ip", "203.0.113.9", "device", "<img src=x>"));
    RenderedMail mail = renderer.render(request);
    assertThat(mail.text()).contains("from <img src=x> (IP 203.0.113.9)");
    assertThat(mail.html()).contains("from &lt;img src=x&gt; (IP 203.0.113.9)").doesNotContain("<img src=x>");
  }

  @ParameterizedTest
  @EnumSource(EmailTemplate.class)
  void everyTemplateRendersInBothLocales(EmailTemplate template) {
    for (String locale : List.of("en", "vi")) {
      RenderedMail mail = renderer.render(request(template, locale, "An", List.of("body"), "http://localhost:8080/x"));
      assertThat(mail.subject()).isNotBlank().doesNotContain("{{").doesNotContain("\n");
      assertThat(mail.html()).contains("http://localhost:8080/x").doesNotContain("{{");
      assertThat(mail.text()).contains("http://localhost:8080/x").contains("body");
    }
  }
}
