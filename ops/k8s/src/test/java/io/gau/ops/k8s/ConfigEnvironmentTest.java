package io.gau.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Cross-checks each {@code config/<svc>.yml} against the generated manifests: every {@code ${VAR}} that has
 * no default must reach every container that runs that service (its Deployment and its migration Job),
 * because a missing one stops the service at start-up — in production, not in any local test.
 */
class ConfigEnvironmentTest {
  static final Path ROOT = GeneratedManifestsTest.ROOT;
  /** {@code ${NAME}} without {@code :-default}. */
  static final Pattern REQUIRED_VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyVariableAConfigFileRequiresIsGivenToEveryContainerOfItsService(String env) throws IOException {
    Map<String, List<Map<?, ?>>> containers = serviceContainers(generate(env));
    for (GauService svc : GauService.values()) {
      Set<String> required = requiredVariables(ROOT.resolve("config/" + svc.id() + ".yml"));
      assertThat(containers.get(svc.k8sName())).as(svc.k8sName() + " has containers").isNotEmpty();
      for (Map<?, ?> container : containers.get(svc.k8sName())) {
        assertThat(provided(container, configMaps))
            .as("%s container %s provides what config/%s.yml requires", env, container.get("name"), svc.id())
            .containsAll(required);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void uploadReachesTheCdnsRedisWithAReferencedPasswordAndLinksToThePublicCdnHost(String env) throws IOException {
    Map<String, List<Map<?, ?>>> containers = serviceContainers(generate(env));
    Map<?, ?> upload = containers.get("gau-upload").get(0);
    Map<String, String> literal = literalEnv(upload, configMaps);
    Values values = Values.load(ROOT.resolve("ops/k8s/" + env + ".yml"));

    assertThat(literal).containsEntry("CDN_REDIS_HOST", "redis-cdn").containsEntry("CDN_REDIS_PORT", "6379")
        .containsEntry("CDN_BASE_URL", "https://" + values.str("hosts.cdn"));
    assertThat(literal).doesNotContainKey("CDN_REDIS_PASSWORD");
    Map<?, ?> password = envEntry(upload, "CDN_REDIS_PASSWORD");
    assertThat(password).as("CDN_REDIS_PASSWORD is in the env list").isNotNull();
    assertThat(password.get("value")).isNull();
    Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) password.get("valueFrom")).get("secretKeyRef");
    assertThat(ref.get("name")).isEqualTo(GauService.SecretKey.REDIS_CACHE);
    assertThat(ref.get("key")).isEqualTo("REDIS_PASSWORD");
    // the variables config/upload.yml reads for the CDN's Redis and base URL, defaults or not
    assertThat(provided(upload, configMaps)).containsAll(variablesNamed(ROOT.resolve("config/upload.yml"), "CDN_"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void accountBelievesXForwardedForFromTheIngressControllersAddressesOnly(String env) throws IOException {
    Map<?, ?> account = serviceContainers(generate(env)).get("gau-account").get(0);
    Values values = Values.load(ROOT.resolve("ops/k8s/" + env + ".yml"));
    assertThat(literalEnv(account, configMaps))
        .containsEntry("TRUSTED_PROXIES", "[" + String.join(", ", values.strings("ingress.trustedProxies")) + "]");
    assertThat(Files.readString(ROOT.resolve("config/account.yml"))).contains("trustedProxies: ${TRUSTED_PROXIES:-[]}");
  }

  // ------------------------------------------------------------------ helpers

  private Map<String, Map<?, ?>> configMaps = new HashMap<>();

  private List<Map<?, ?>> generate(String env) throws IOException {
    Path out = tmp.resolve(env);
    Main.run(new String[] {env, "--root", ROOT.toString(), "--out", out.toString(), "--strict"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<Map<?, ?>> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          objects.add((Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
      }
    }
    configMaps = new HashMap<>();
    for (Map<?, ?> o : objects) {
      if ("ConfigMap".equals(o.get("kind"))) {
        Object data = o.get("data");
        configMaps.put(name(o), data == null ? Map.of() : (Map<?, ?>) data);
      }
    }
    return objects;
  }

  /** Containers by the service they run: Deployment gau-x and its Job gau-x-migrate-<version> both count for gau-x. */
  private static Map<String, List<Map<?, ?>>> serviceContainers(List<Map<?, ?>> objects) {
    Map<String, List<Map<?, ?>>> out = new HashMap<>();
    for (Map<?, ?> o : objects) {
      if (!"Deployment".equals(o.get("kind")) && !"Job".equals(o.get("kind"))) {
        continue;
      }
      String service = name(o).replaceFirst("-migrate(-.*)?$", "");
      Map<?, ?> podSpec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) o.get("spec")).get("template")).get("spec");
      for (Object c : (List<?>) podSpec.get("containers")) {
        out.computeIfAbsent(service, k -> new ArrayList<>()).add((Map<?, ?>) c);
      }
    }
    return out;
  }

  private static String name(Map<?, ?> object) {
    return String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
  }

  /** Every variable name the container gets, from its env list and its envFrom ConfigMaps. */
  private static Set<String> provided(Map<?, ?> container, Map<String, Map<?, ?>> configMaps) {
    Set<String> names = new TreeSet<>(literalEnv(container, configMaps).keySet());
    for (Object e : list(container.get("env"))) {
      names.add(String.valueOf(((Map<?, ?>) e).get("name")));
    }
    return names;
  }

  /** Variables with a literal value (directly or through an envFrom ConfigMap). */
  private static Map<String, String> literalEnv(Map<?, ?> container, Map<String, Map<?, ?>> configMaps) {
    Map<String, String> out = new HashMap<>();
    for (Object from : list(container.get("envFrom"))) {
      Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) from).get("configMapRef");
      assertThat(configMaps).as("envFrom names an existing ConfigMap").containsKey(String.valueOf(ref.get("name")));
      configMaps.get(String.valueOf(ref.get("name"))).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    for (Object e : list(container.get("env"))) {
      Map<?, ?> var = (Map<?, ?>) e;
      if (var.get("value") != null) {
        out.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
      }
    }
    return out;
  }

  private static Map<?, ?> envEntry(Map<?, ?> container, String name) {
    return list(container.get("env")).stream().map(e -> (Map<?, ?>) e)
        .filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  static Set<String> requiredVariables(Path config) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = REQUIRED_VAR.matcher(withoutComments(config));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Every {@code ${NAME...}} whose name starts with {@code prefix}, with or without a default. */
  static Set<String> variablesNamed(Path config, String prefix) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{(" + Pattern.quote(prefix) + "[A-Za-z0-9_]*)(:-[^}]*)?}").matcher(withoutComments(config));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String withoutComments(Path config) throws IOException {
    return Files.readString(config, StandardCharsets.UTF_8).replaceAll("(?m)^\\s*#.*$", "");
  }
}
