package io.gau.email.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.jackson.Jackson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageParserTest {
  private final MessageParser parser =
      new MessageParser(Jackson.newObjectMapper(), new LinkPolicy(List.of("http://localhost:8080", "https://api.gauas.online")), "en", 4096);

  private MailRequest parse(String json) throws PoisonMessageException {
    return parser.parse(json.getBytes(UTF_8), null);
  }

  @Test
  void referenceMessageIsAcceptedAsIs() throws Exception {
    MailRequest request =
        parse("{\"type\":\"confirmation\",\"recipient\":\"a@example.com\",\"recipientName\":\"An\",\"content\":\"one\\n\\ntwo\","
            + "\"actionUrl\":\"https://api.gauas.online/api/v2/account/verify-email/t\"}");
    assertThat(request.template()).isEqualTo(EmailTemplate.CONFIRMATION);
    assertThat(request.contentLines()).containsExactly("one", "two");
    assertThat(request.recipientName()).isEqualTo("An");
    assertThat(request.actionUrl()).isEqualTo("https://api.gauas.online/api/v2/account/verify-email/t");
    assertThat(request.locale()).isEqualTo("en");
    assertThat(request.idempotencyKey()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"info,NOTIFICATION", "Thông báo,NOTIFICATION", " SUCCESS ,CONFIRMATION", "xác nhận,CONFIRMATION",
      "alert,WARNING", "danger,WARNING", "cảnh báo,WARNING"})
  void referenceTypeAliasesMapAsTheEarlierServiceDid(String type, EmailTemplate expected) throws Exception {
    assertThat(parse("{\"type\":\"" + type + "\",\"recipient\":\"a@example.com\",\"content\":\"x\"}").template())
        .isEqualTo(expected);
  }

  @Test
  void missingNameDefaultsToTheLocalPartOfTheAddress() throws Exception {
    assertThat(parse("{\"type\":\"info\",\"recipient\":\"bob.smith@example.com\",\"content\":\"x\"}").recipientName())
        .isEqualTo("bob.smith");
  }

  @Test
  void bodyIdWinsOverTheAmqpMessageIdWhichIsUsedOtherwise() throws Exception {
    String withId = "{\"id\":\"body-1\",\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\"}";
    String withoutId = "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\"}";
    assertThat(parser.parse(withId.getBytes(UTF_8), "amqp-1").idempotencyKey()).isEqualTo("body-1");
    assertThat(parser.parse(withoutId.getBytes(UTF_8), "amqp-1").idempotencyKey()).isEqualTo("amqp-1");
    assertThat(parser.parse(("{\"id\":\"" + "x".repeat(300) + "\",\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\"}")
        .getBytes(UTF_8), null).idempotencyKey()).startsWith("sha256-").hasSize(71);
  }

  @Test
  void extendedMessageCarriesTemplateLocaleAndData() throws Exception {
    MailRequest request =
        parse("{\"id\":\"o-1\",\"template\":\"login_alert\",\"locale\":\"vi-VN\",\"recipient\":\"a@example.com\","
            + "\"data\":{\"ip\":\"203.0.113.9\"}}");
    assertThat(request.template()).isEqualTo(EmailTemplate.LOGIN_ALERT);
    assertThat(request.locale()).isEqualTo("vi");
    assertThat(request.data()).containsEntry("ip", "203.0.113.9");
  }

  @Test
  void unsupportedLocaleFallsBackToTheDefault() throws Exception {
    assertThat(parse("{\"template\":\"welcome\",\"locale\":\"fr\",\"recipient\":\"a@example.com\"}").locale()).isEqualTo("en");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json {|body is not JSON",
        "[1,2]|body is not a JSON object",
        "{\"recipient\":\"a@example.com\",\"content\":\"x\"}|type (or template) is missing",
        "{\"type\":\"party\",\"recipient\":\"a@example.com\",\"content\":\"x\"}|unknown type",
        "{\"template\":\"nope\",\"recipient\":\"a@example.com\"}|unknown template",
        "{\"type\":\"info\",\"content\":\"x\"}|recipient is missing",
        "{\"type\":\"info\",\"recipient\":\"not-an-address\",\"content\":\"x\"}|recipient is not a valid email address",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\\r\\nBcc: b@example.com\",\"content\":\"x\"}|recipient is not a valid email address",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\" \"}|content is missing or blank",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":7}|content is not a string",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\",\"actionUrl\":\"https://evil.example/verify\"}|actionUrl is not on an allowed origin",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\",\"actionUrl\":\"javascript:alert(1)\"}|actionUrl is not on an allowed origin",
        "{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"x\",\"actionUrl\":\"http://localhost:8080@evil.example/\"}|actionUrl is not on an allowed origin",
        "{\"template\":\"verify_email\",\"recipient\":\"a@example.com\"}|actionUrl is required for template verify_email",
        "{\"template\":\"welcome\",\"recipient\":\"a@example.com\",\"data\":[1]}|data is not a JSON object"
      })
  void poisonMessagesAreRejectedWithAReason(String body, String reason) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(PoisonMessageException.class).hasMessage(reason);
  }

  @Test
  void oversizedBodyIsPoison() {
    assertThatThrownBy(() -> parse("{\"type\":\"info\",\"recipient\":\"a@example.com\",\"content\":\"" + "x".repeat(5000) + "\"}"))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("exceeds");
  }
}
