package io.gau.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each caller–callee pair gets its own key: account sends one key to authorization and another to upload,
 * a listed outside caller reaches only the services it calls, and nothing references a shared key.
 */
class InternalCallersTest {
  @TempDir Path tmp;

  private static final String KANBAN = "\ninternalCallers:\n"
      + "  - {name: kanban, namespace: kanban, podLabel: kanban-api, calls: [authorization]}\n";

  private Values values(String extra) throws IOException {
    Path file = tmp.resolve("v.yml");
    String text = Files.readString(GeneratedManifestsTest.OPS.resolve("k8s/production.yml"))
        .replaceFirst("(?m)^internalCallers:.*$", "");
    Files.writeString(file, text + extra);
    return Values.load(file);
  }

  private static Map<GauService, String> realConfigs() throws IOException {
    Map<GauService, String> configs = new EnumMap<>(GauService.class);
    for (GauService s : GauService.values()) {
      configs.put(s, Files.readString(GeneratedManifestsTest.ROOT.resolve("config/" + s.id() + ".yml"),
          StandardCharsets.UTF_8));
    }
    return configs;
  }

  private static Map<String, Object> object(List<ManifestGenerator.Manifest> all, String file) {
    return all.stream().filter(m -> m.file().equals(file)).findFirst().orElseThrow().object();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> secretRefs(Map<String, Object> deployment) {
    Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        deployment.get("spec")).get("template")).get("spec");
    Map<String, Object> container = ((List<Map<String, Object>>) spec.get("containers")).get(0);
    Map<String, Map<String, Object>> refs = new java.util.TreeMap<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
      if (e.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") != null) {
        refs.put((String) e.get("name"), (Map<String, Object>) from.get("secretKeyRef"));
      }
    }
    return refs;
  }

  @Test
  void accountSendsADifferentSecretToEachServiceAndEachCalleeReadsItsOwnPair() throws IOException {
    var all = new ManifestGenerator(values(""), realConfigs()).generate();
    var account = secretRefs(object(all, "30-deployment-gau-account.yaml"));
    var authorization = secretRefs(object(all, "30-deployment-gau-authorization.yaml"));
    var upload = secretRefs(object(all, "30-deployment-gau-upload.yaml"));

    assertThat(account.get("AUTHORIZATION_CALLER_KEY")).containsEntry("name", "gau-caller-account-authorization")
        .containsEntry("key", "KEY");
    assertThat(account.get("UPLOAD_CALLER_KEY")).containsEntry("name", "gau-caller-account-upload")
        .containsEntry("key", "KEY");
    assertThat(authorization.get("CALLER_KEY_ACCOUNT")).isEqualTo(account.get("AUTHORIZATION_CALLER_KEY"));
    assertThat(upload.get("CALLER_KEY_ACCOUNT")).isEqualTo(account.get("UPLOAD_CALLER_KEY"));
    assertThat(authorization.get("CALLER_KEY_ACCOUNT_ROTATING")).containsEntry("key", "ROTATING_KEY")
        .containsEntry("optional", true);
    // no caller is listed: authorization never reads a Kanban key, upload accepts account only
    assertThat(authorization).doesNotContainKey("CALLER_KEY_KANBAN");
    assertThat(upload.keySet().stream().filter(k -> k.startsWith("CALLER_KEY_")))
        .containsExactly("CALLER_KEY_ACCOUNT", "CALLER_KEY_ACCOUNT_ROTATING");
    // the shared key of old is gone from every object
    for (var m : all) {
      assertThat(Yamls.dump(m.object())).as(m.file()).doesNotContain("gau-internal").doesNotContain("PRIVATE_KEY");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListedCallerGetsItsKeyAndItsNetworkPathToWhatItCallsOnly() throws IOException {
    var all = new ManifestGenerator(values(KANBAN), realConfigs()).generate();
    var authorization = secretRefs(object(all, "30-deployment-gau-authorization.yaml"));
    assertThat(authorization.get("CALLER_KEY_KANBAN")).containsEntry("name", "gau-caller-kanban-authorization")
        .containsEntry("key", "KEY").doesNotContainKey("optional");
    assertThat(secretRefs(object(all, "30-deployment-gau-upload.yaml"))).doesNotContainKey("CALLER_KEY_KANBAN");

    String authPolicy = Yamls.dump(object(all, "03-networkpolicy-gau-authorization.yaml"));
    assertThat(authPolicy).contains("kubernetes.io/metadata.name: kanban").contains("app.kubernetes.io/name: kanban-api")
        .contains("- gau-account");
    assertThat(Yamls.dump(object(all, "03-networkpolicy-gau-upload.yaml"))).doesNotContain("kanban");
    // the kanban peer is one entry: namespace AND pod label, never either alone
    Map<String, Object> spec = (Map<String, Object>) object(all, "03-networkpolicy-gau-authorization.yaml").get("spec");
    List<Map<String, Object>> from = (List<Map<String, Object>>)
        ((List<Map<String, Object>>) spec.get("ingress")).get(0).get("from");
    assertThat(from).hasSize(2);
    assertThat(from.get(1)).containsOnlyKeys("namespaceSelector", "podSelector");
  }

  @Test
  void aCallerTheCalleesConfigDoesNotNameIsRefused() throws IOException {
    Values values = values("\ninternalCallers:\n  - {name: billing, namespace: billing, podLabel: billing, calls: [upload]}\n");
    assertThatThrownBy(() -> new ManifestGenerator(values, realConfigs()))
        .hasMessageContaining("'billing' calls upload").hasMessageContaining("config/upload.yml");
  }

  @Test
  void badCallerEntriesNameWhatIsWrong() throws IOException {
    assertThatThrownBy(() -> new ManifestGenerator(values(
        "\ninternalCallers:\n  - {name: kanban, namespace: kanban, podLabel: k, calls: [cdn]}\n"), realConfigs()))
        .hasMessageContaining("not an internal service");
    assertThatThrownBy(() -> new ManifestGenerator(values(
        "\ninternalCallers:\n  - {name: account, namespace: gau, podLabel: k, calls: [upload]}\n"), realConfigs()))
        .hasMessageContaining("not 'account'");
    assertThatThrownBy(() -> new ManifestGenerator(values(
        "\ninternalCallers:\n  - {name: kanban, podLabel: k, calls: [authorization]}\n"), realConfigs()))
        .hasMessageContaining("no 'namespace'");
    assertThatThrownBy(() -> new ManifestGenerator(values("\ninternalCallers: kanban\n"), realConfigs()))
        .hasMessageContaining("list of mappings");
  }
}
