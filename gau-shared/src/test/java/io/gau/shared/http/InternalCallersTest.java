package io.gau.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalCallersTest {
  static final String ACCOUNT = "account-key-0123456789-0123456789-abcdef";
  static final String ACCOUNT_NEXT = "account-next-key-0123456789-0123456789-ab";
  static final String KANBAN = "kanban-key-0123456789-0123456789-abcdefgh";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static InternalCallers yaml(String text) throws Exception {
    return YAML.readValue(text, InternalCallers.class);
  }

  @Test
  void eachKeyNamesItsOwnCallerAndNothingElseMatches() throws Exception {
    InternalCallers callers = yaml("account: [\"" + ACCOUNT + "\", \"" + ACCOUNT_NEXT + "\"]\nkanban: " + KANBAN + "\n");
    assertThat(callers.identify(ACCOUNT)).contains("account");
    assertThat(callers.identify(ACCOUNT_NEXT)).contains("account");
    assertThat(callers.identify(KANBAN)).contains("kanban");
    for (String wrong : List.of("", ACCOUNT + "x", ACCOUNT.substring(1), ACCOUNT.toUpperCase(), " " + ACCOUNT,
        ACCOUNT + "\n", KANBAN.substring(0, 32))) {
      assertThat(callers.identify(wrong)).as("'%s'", wrong).isEmpty();
    }
    assertThat(callers.identify(null)).isEmpty();
    assertThat(callers.keysPerCaller()).containsExactly(Map.entry("account", 2), Map.entry("kanban", 1));
    assertThat(callers.toString()).doesNotContain(ACCOUNT).doesNotContain(KANBAN);
  }

  @Test
  void aCallerWithoutKeysIsDisabledNotAnError() throws Exception {
    InternalCallers callers = yaml("account: [\"" + ACCOUNT + "\", \"\"]\nkanban: [\"\", \"\"]\nreports: \"\"\nold:\n");
    assertThat(callers.keysPerCaller())
        .containsExactly(Map.entry("account", 1), Map.entry("kanban", 0), Map.entry("reports", 0), Map.entry("old", 0));
    assertThat(callers.identify("")).isEmpty();
  }

  @Test
  void refusesKeysThatWouldWeakenTheWall() {
    assertThatThrownBy(() -> yaml("account: too-short-key\n")).hasMessageContaining("internalCallers.account")
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> yaml("account: " + ACCOUNT + "\nkanban: " + ACCOUNT + "\n"))
        .hasMessageContaining("internalCallers.kanban").hasMessageContaining("keys of its own");
    assertThatThrownBy(() -> yaml("account: [" + ACCOUNT + ", " + ACCOUNT_NEXT + ", " + KANBAN + "]\n"))
        .hasMessageContaining("at most 2");
    assertThatThrownBy(() -> yaml("Account: " + ACCOUNT + "\n")).hasMessageContaining("caller name");
    assertThatThrownBy(() -> yaml("account: \"\"\n")).hasMessageContaining("no caller has a key");
    assertThatThrownBy(() -> InternalCallers.of(Map.of())).hasMessageContaining("no caller has a key");
  }

  @Test
  void comparesDigestsInConstantTime() throws Exception {
    // the check must go through MessageDigest.isEqual over digests, never String.equals (timing leak)
    String source = Files.readString(Path.of("src/main/java/io/gau/shared/http/InternalCallers.java"));
    assertThat(source).contains("MessageDigest.isEqual(").doesNotContain(".equals(presented");
  }
}
