package io.gau.shared.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailMessageTest {
  private final ObjectMapper mapper = Jackson.newObjectMapper();

  @Test
  void referenceProducerBodyStillParses() throws Exception {
    // exactly what the earlier Go account service published (REFERENCE-API §1.8)
    String body =
        "{\"type\":\"confirmation\",\"recipient\":\"a@example.com\",\"recipientName\":\"An\","
            + "\"content\":\"Line one\\nLine two\",\"actionUrl\":\"https://api.gauas.online/api/v2/account/verify-email/t\"}";
    EmailMessage message = mapper.readValue(body, EmailMessage.class);
    assertThat(message)
        .isEqualTo(
            EmailMessage.reference(
                "confirmation", "a@example.com", "An", "Line one\nLine two",
                "https://api.gauas.online/api/v2/account/verify-email/t"));
  }

  @Test
  void absentValuesAreOmittedAndKeysKeepTheirWireNames() throws Exception {
    JsonNode json =
        mapper.valueToTree(
            EmailMessage.templated(
                "outbox-1", "verify_email", "vi", "a@example.com", null, "http://localhost:8080/v", Map.of("code", 7)));
    List<String> keys = List.copyOf(iterable(json.fieldNames()));
    assertThat(keys).containsExactly("recipient", "actionUrl", "id", "template", "locale", "data");
    assertThat(json.get("data").get("code").asInt()).isEqualTo(7);
  }

  @Test
  void unknownKeysFromNewerProducersAreIgnored() throws Exception {
    EmailMessage message =
        mapper.readValue("{\"recipient\":\"a@example.com\",\"priority\":\"high\"}", EmailMessage.class);
    assertThat(message.recipient()).isEqualTo("a@example.com");
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> out = new java.util.ArrayList<>();
    iterator.forEachRemaining(out::add);
    return out;
  }
}
