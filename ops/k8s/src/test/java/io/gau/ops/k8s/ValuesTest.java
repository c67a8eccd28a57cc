package io.gau.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad values stop the generator with a message that names the setting. */
class ValuesTest {
  @TempDir Path tmp;

  private Values withOverride(String key, String replacement) throws IOException {
    Path file = tmp.resolve("v.yml");
    String text = Files.readString(GeneratedManifestsTest.OPS.resolve("k8s/production.yml"));
    Files.writeString(file, text.replaceFirst("(?m)^" + key + ":.*$", replacement));
    return Values.load(file);
  }

  private static Map<GauService, String> configs() {
    Map<GauService, String> configs = new EnumMap<>(GauService.class);
    for (GauService s : GauService.values()) {
      configs.put(s, "server: {}\n");
    }
    return configs;
  }

  @Test
  void latestIsNotAVersion() throws IOException {
    Values values = withOverride("version", "version: latest");
    assertThatThrownBy(() -> new ManifestGenerator(values, configs())).hasMessageContaining("latest");
  }

  @Test
  void aMissingSettingIsNamed() throws IOException {
    Values values = withOverride("namespace", "");
    assertThatThrownBy(() -> new ManifestGenerator(values, configs())).hasMessageContaining("'namespace'");
  }

  @Test
  void pgpoolTooSmallForTheScaledOutPoolsIsRejected() throws IOException {
    Values values = withOverride("  poolMaxPerPod", "  poolMaxPerPod: 50");
    assertThatThrownBy(() -> new ManifestGenerator(values, configs())).hasMessageContaining("PgPool children");
  }

  @Test
  void configFileTextIsCarriedVerbatimAsALiteralBlock() throws IOException {
    Values values = withOverride("version", "version: 2.3.4");
    Map<GauService, String> configs = configs();
    configs.put(GauService.CDN, "server:\n  type: default\nredis:\n  password: ${REDIS_PASSWORD:-}\n");
    String yaml = new ManifestGenerator(values, configs).generate().stream()
        .filter(m -> m.file().equals("02-configmap-gau-cdn-config.yaml"))
        .map(m -> Yamls.dump(m.object())).findFirst().orElseThrow();
    assertThat(yaml).contains("  cdn.yml: |\n    server:\n      type: default\n    redis:\n      password: ${REDIS_PASSWORD:-}\n");
  }
}
