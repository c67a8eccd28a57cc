package io.gau.account;

import static io.gau.account.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gau.account.testing.AccountStack;
import io.gau.account.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages as a browser shows them: headless Debian Chromium ({@code ops/bench/account/install-chromium.sh})
 * renders the verify link and the reset form; the form is then submitted the way the browser would send it.
 * Skipped when {@code /usr/bin/chromium} is absent.
 */
class PagesRenderInChromiumIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static AccountStack stack;
  private final Http http = new Http(stack == null ? "" : stack.api());

  @TempDir Path tmp;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (run ops/bench/account/install-chromium.sh)");
    stack = AccountStack.get();
  }

  @Test
  void theVerifyLinkFromTheMailRendersTheEmailVerifiedPage() throws Exception {
    String email = "chromium-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String password = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);
    register(email, password);
    String link = stack.awaitMail(email, "verify_email", Duration.ofSeconds(20)).get("actionUrl").asText();

    String dom = render(link);
    assertThat(dom).contains("Email verified").contains("id=\"title\" class=\"ok\"");
    Http.Answer security = http.get("/profile/security", "Authorization", "Bearer " + login(email, password));
    assertThat(security.json().get("user_info").get("is_email_verified").asBoolean()).isTrue();

    // opening it again: the page says the link is used, it does not verify twice
    assertThat(render(link)).contains("class=\"bad\"");
  }

  @Test
  void theResetFormRendersAndSubmittingItAsTheBrowserWouldResetsThePassword() throws Exception {
    String email = "chromium-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    String oldPassword = "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 6);
    register(email, oldPassword);
    assertThat(http.post("/password/forgot", map("email", email)).status()).isEqualTo(202);
    String link = stack.awaitMail(email, "reset_password", Duration.ofSeconds(20)).get("actionUrl").asText();

    String dom = render(link);
    assertThat(dom).contains("Choose a new password");
    Matcher form = Pattern.compile("<form id=\"reset\" method=\"post\" action=\"([^\"]+)\"").matcher(dom);
    assertThat(form.find()).as(dom).isTrue();
    List<String> fields = new ArrayList<>();
    Matcher inputs = Pattern.compile("<input ([^>]*)>").matcher(dom);
    String newPassword = "New-Battery-Staple-" + UUID.randomUUID().toString().substring(0, 6);
    while (inputs.find()) {
      String name = attribute(inputs.group(1), "name");
      String value = attribute(inputs.group(1), "value");
      // what the user types into the two password boxes; the hidden token as rendered
      fields.add(name + "=" + URLEncoder.encode(value == null ? newPassword : value, StandardCharsets.UTF_8));
    }
    assertThat(fields).anyMatch(f -> f.startsWith("token=")).anyMatch(f -> f.startsWith("new_password="))
        .anyMatch(f -> f.startsWith("confirm_password="));

    // a browser resolves the action against the page and sends the page's Origin
    String action = java.net.URI.create(link).resolve(form.group(1)).toString();
    Http.Answer result = http.send("POST", action, String.join("&", fields), "application/x-www-form-urlencoded",
        "Origin", stack.root(), "Accept", "text/html");
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    Path page = tmp.resolve("result.html");
    Files.writeString(page, result.text());
    assertThat(render(page.toUri().toString())).contains("Password reset").contains("You can sign in now");

    assertThat(login(email, oldPassword)).isNull();
    assertThat(login(email, newPassword)).isNotNull();
    assertThat(render(link)).as("the link is single use").contains("Link expired");
  }

  private void register(String email, String password) {
    Http.Answer registered = http.post("/basic/register", map("password", password, "fullname", "Browser", "email", email));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
  }

  /** The access token of a password login, or null when it fails. */
  private String login(String email, String password) {
    Http.Answer answer = http.post("/basic/login", map("email", email, "password", password), "X-Device-ID", "chromium");
    return answer.status() == 200 ? answer.json().get("access_token").asText() : null;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1).replace("&amp;", "&") : null;
  }

  /** The DOM after Chromium loaded and ran the page. */
  private String render(String url) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--dump-dom", url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = chromium.getInputStream().readAllBytes();
    assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }
}
