package io.gau.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generates each environment into a temporary folder, parses every object strictly into the typed
 * fabric8 model (Traefik's Middleware CRD as a generic resource) and checks the ops invariants.
 */
class GeneratedManifestsTest {
  static final Path OPS = Path.of(System.getProperty("gau.ops.dir", "..")).toAbsolutePath().normalize();
  static final Path ROOT = OPS.getParent();

  static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
      Map.entry("v1/Namespace", Namespace.class),
      Map.entry("v1/ServiceAccount", ServiceAccount.class),
      Map.entry("v1/ConfigMap", ConfigMap.class),
      Map.entry("v1/Service", Service.class),
      Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
      Map.entry("v1/Secret", Secret.class),
      Map.entry("apps/v1/Deployment", Deployment.class),
      Map.entry("apps/v1/StatefulSet", StatefulSet.class),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
      Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
      Map.entry("batch/v1/Job", Job.class),
      Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
      Map.entry("traefik.io/v1alpha1/Middleware", GenericKubernetesResource.class));

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  static final String[] SERVICES = {"gau-account", "gau-authorization", "gau-cdn", "gau-upload", "gau-email"};

  @TempDir Path tmp;

  private Path generate(String env, Path out) throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Main.run(new String[] {env, "--root", ROOT.toString(), "--out", out.toString()},
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(stdout.size()).as("writing files prints nothing to stdout").isZero();
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Every document of every file, parsed strictly into its typed model class. */
  private List<HasMetadata> parseAll(Path dir) throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    for (Path file : files(dir)) {
      String text = Files.readString(file);
      assertThat(text).as(file + " uses no YAML anchors/aliases").doesNotContainPattern("(?m)[:-] [&*]id\\d");
      try (YAMLParser parser = new YAMLFactory().createParser(text)) {
        List<JsonNode> docs = YAML.readValues(parser, JsonNode.class).readAll();
        assertThat(docs).as(file + " holds one object").hasSize(1);
        JsonNode node = docs.get(0);
        String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        assertThat(type).as(file + ": unexpected kind " + key).isNotNull();
        HasMetadata object = YAML.treeToValue(node, type);
        if (type != GenericKubernetesResource.class) {
          assertNoUnknownFields(object, file.getFileName() + ":" + key, new IdentityHashMap<>());
        }
        // re-serialised by the model, the object says exactly what the file says
        JsonNode back = YAML.valueToTree(object);
        assertThat(difference(node, back, "")).as(file + " round-trips through " + type.getSimpleName()).isNull();
        out.add(object);
      }
    }
    return out;
  }

  /** The path of the first place where two trees differ, or null. */
  static String difference(JsonNode a, JsonNode b, String path) {
    if (a.isObject() && b.isObject()) {
      Set<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (!a.has(n) || !b.has(n)) {
          return path + "." + n + " (only on one side)";
        }
        String d = difference(a.get(n), b.get(n), path + "." + n);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return path + " (length)";
      }
      for (int i = 0; i < a.size(); i++) {
        String d = difference(a.get(i), b.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return a.equals(b) || a.asText().equals(b.asText()) && a.isNumber() == b.isNumber() ? null : path + ": " + a + " vs " + b;
  }

  /** fabric8 classes keep unknown keys in additionalProperties instead of failing: demand it empty everywhere. */
  private static void assertNoUnknownFields(Object value, String where, IdentityHashMap<Object, Boolean> seen) {
    if (value == null || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      items.forEach(i -> assertNoUnknownFields(i, where, seen));
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> assertNoUnknownFields(v, where, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.") || value instanceof IntOrString) {
      return;
    }
    for (Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object child = m.invoke(value);
        if (m.getName().equals("getAdditionalProperties")) {
          assertThat((Map<?, ?>) child).as(where + ": unknown fields in " + value.getClass().getSimpleName())
              .isNullOrEmpty();
        } else {
          assertNoUnknownFields(child, where + "." + m.getName().substring(3), seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static <T> List<T> ofType(List<HasMetadata> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyObjectParsesStrictlyIntoTheKubernetesModel(String env) throws IOException {
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    assertThat(all).hasSizeGreaterThan(50);
    String ns = Values.load(OPS.resolve("k8s/" + env + ".yml")).str("namespace");
    assertThat(all).filteredOn(o -> !(o instanceof Namespace))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(ns));
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void generatingTwiceGivesTheSameBytes(String env) throws IOException {
    Path a = generate(env, tmp.resolve("a"));
    Path b = generate(env, tmp.resolve("b"));
    List<String> names = files(a).stream().map(p -> p.getFileName().toString()).toList();
    assertThat(files(b).stream().map(p -> p.getFileName().toString()).toList()).isEqualTo(names);
    for (String name : names) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
    // a file left from an earlier run (an object since renamed) does not survive the next run
    Files.writeString(a.resolve("99-stale.yaml"), "kind: Stale\n");
    generate(env, a);
    assertThat(a.resolve("99-stale.yaml")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void servicesAreProbedOnTheAdminPortAndRollWithoutDowntime(String env) throws IOException {
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    Map<String, Deployment> deployments = ofType(all, Deployment.class).stream()
        .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
    assertThat(deployments).containsKeys(SERVICES);
    for (String name : SERVICES) {
      Deployment d = deployments.get(name);
      var rolling = d.getSpec().getStrategy().getRollingUpdate();
      assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      assertThat(rolling.getMaxUnavailable()).isEqualTo(new IntOrString(0));
      assertThat(rolling.getMaxSurge()).isEqualTo(new IntOrString(1));
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(ManifestGenerator.PRESTOP_SLEEP_SECONDS);
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
      Container c = pod.getContainers().get(0);
      assertThat(c.getPorts()).extracting(p -> p.getName()).containsExactly("http", "admin");
      assertAdminProbe(c.getReadinessProbe(), "/healthcheck");
      assertAdminProbe(c.getLivenessProbe(), "/ping");
      assertAdminProbe(c.getStartupProbe(), "/ping");
      assertThat(c.getLifecycle().getPreStop().getExec().getCommand()).first().isEqualTo("sleep");
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getVolumeMounts()).anySatisfy(m -> {
        assertThat(m.getMountPath()).isEqualTo("/app/config");
        assertThat(m.getReadOnly()).isTrue();
      });
      assertThat(c.getArgs()).containsExactly("server", "config/" + name.substring(4) + ".yml");
      Map<String, EnvVar> env2 = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
      assertThat(env2.get("JAVA_TOOL_OPTIONS").getValue()).contains("-javaagent:/otel/opentelemetry-javaagent.jar");
      assertThat(env2.get("OTEL_SERVICE_NAME").getValue()).isEqualTo(name);
      assertThat(env2.get("OTEL_LOGS_EXPORTER").getValue()).isEqualTo("otlp");
      assertThat(env2.get("OTEL_RESOURCE_ATTRIBUTES").getValue())
          .contains("deployment.environment=" + env).contains("service.version=");
      for (String otlp : List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS")) {
        assertThat(env2.get(otlp).getValueFrom().getSecretKeyRef().getName()).isEqualTo(ManifestGenerator.OTEL_SECRET);
      }
    }
  }

  private static void assertAdminProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("admin"));
  }

  private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|PRIVATE_KEY|ACCESS_KEY|AMQP_URI|COOKIE|OTLP_HEADERS");

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void secretsAreOnlyReferencedNeverWritten(String env) throws IOException {
    Path out = generate(env, tmp.resolve(env));
    List<HasMetadata> all = parseAll(out);
    assertThat(ofType(all, Secret.class)).allSatisfy(s -> {
      assertThat(s.getData()).isNullOrEmpty();
      assertThat(s.getStringData()).isNullOrEmpty();
    });
    List<Container> containers = new ArrayList<>();
    ofType(all, Deployment.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    ofType(all, StatefulSet.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    ofType(all, Job.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    for (Container c : containers) {
      for (EnvVar e : c.getEnv()) {
        if (SECRET_NAME.matcher(e.getName()).find()) {
          assertThat(e.getValue()).as(c.getName() + " " + e.getName() + " is a literal").isNull();
          assertThat(e.getValueFrom().getSecretKeyRef()).as(c.getName() + " " + e.getName()).isNotNull();
        }
      }
    }
    for (ConfigMap cm : ofType(all, ConfigMap.class)) {
      if (cm.getMetadata().getName().endsWith("-env")) {
        assertThat(cm.getData().keySet()).noneMatch(k -> SECRET_NAME.matcher(k).find());
      }
    }
    // and nothing that looks like credentials leaks in through a literal anywhere
    for (Path file : files(out)) {
      assertThat(Files.readString(file)).doesNotContainPattern("(?i)(password|secret)\\s*[:=]\\s*['\"]?[A-Za-z0-9+/]{12,}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void imagesArePinnedAndHpasTargetExistingDeployments(String env) throws IOException {
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    List<String> images = new ArrayList<>();
    ofType(all, Deployment.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage())));
    ofType(all, StatefulSet.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage())));
    ofType(all, Job.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage())));
    assertThat(images).isNotEmpty().allSatisfy(i -> assertThat(i).matches("[^:@]+:[A-Za-z0-9][A-Za-z0-9._-]*").doesNotEndWith(":latest"));
    assertThat(images).anyMatch(i -> i.matches("(.*/)?redis:.*")).anyMatch(i -> i.matches("(.*/)?pgpool:.*"))
        .anyMatch(i -> i.matches("(.*/)?rabbitmq:.*"));

    Set<String> deployments = ofType(all, Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
    List<HorizontalPodAutoscaler> hpas = ofType(all, HorizontalPodAutoscaler.class);
    assertThat(hpas).hasSize(5).allSatisfy(h -> {
      assertThat(h.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(deployments).contains(h.getSpec().getScaleTargetRef().getName());
      assertThat(h.getSpec().getMetrics()).extracting(m -> m.getResource().getName()).containsExactly("cpu", "memory");
      assertThat(h.getSpec().getMinReplicas()).isLessThanOrEqualTo(h.getSpec().getMaxReplicas());
    });
    assertThat(ofType(all, PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName()).contains(SERVICES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void onlyTheTwoPublicPathsAreRoutedAndInternalApisAreFencedOff(String env) throws IOException {
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    Map<String, String> routes = new LinkedHashMap<>();
    for (Ingress i : ofType(all, Ingress.class)) {
      assertThat(i.getSpec().getTls()).isNotEmpty();
      assertThat(i.getMetadata().getAnnotations().get("traefik.ingress.kubernetes.io/router.middlewares"))
          .contains("gau-security-headers@kubernetescrd").contains("gau-ratelimit-");
      i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(
          p -> routes.put(p.getPath(), p.getBackend().getService().getName())));
    }
    assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of("/api/v2/account", "gau-account", "/images", "gau-cdn"));
    assertThat(ofType(all, GenericKubernetesResource.class)).extracting(g -> g.getMetadata().getName())
        .contains("gau-security-headers", "gau-ratelimit-account", "gau-ratelimit-cdn");

    Map<String, NetworkPolicy> policies = ofType(all, NetworkPolicy.class).stream()
        .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
    NetworkPolicy deny = policies.get("default-deny-ingress");
    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(deny.getSpec().getIngress()).isEmpty();
    for (String internal : List.of("gau-authorization", "gau-upload")) {
      var rules = policies.get(internal).getSpec().getIngress();
      assertThat(rules).hasSize(1);
      assertThat(rules.get(0).getFrom()).singleElement().satisfies(peer -> {
        assertThat(peer.getNamespaceSelector()).as("only pods of this namespace").isNull();
        assertThat(peer.getPodSelector().getMatchExpressions().get(0).getValues()).containsExactly("gau-account");
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void migrationsRunAsJobsAndInfrastructureIsConfiguredForItsRole(String env) throws IOException {
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    assertThat(ofType(all, Job.class)).hasSize(2).allSatisfy(j -> {
      assertThat(j.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).startsWith("db", "migrate");
      assertThat(j.getMetadata().getAnnotations()).containsKey("gau.io/run-before");
      assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    });
    StatefulSet tokens = ofType(all, StatefulSet.class).stream()
        .filter(s -> s.getMetadata().getName().equals("redis-authorization")).findFirst().orElseThrow();
    assertThat(tokens.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsSequence("--appendonly", "yes");
    assertThat(tokens.getSpec().getVolumeClaimTemplates()).singleElement()
        .satisfies(pvc -> assertThat(pvc.getMetadata().getName()).isEqualTo("data"));
    Deployment cache = ofType(all, Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals("redis-cdn")).findFirst().orElseThrow();
    assertThat(cache.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--maxmemory").containsSequence("--maxmemory-policy", "allkeys-lru");
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyReferencedSecretKeyIsDocumentedInTheRunbook(String env) throws IOException {
    String readme = Files.readString(OPS.resolve("README.md"));
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    List<Container> containers = new ArrayList<>();
    ofType(all, Deployment.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    ofType(all, StatefulSet.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
    for (Container c : containers) {
      for (EnvVar e : c.getEnv()) {
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
          var ref = e.getValueFrom().getSecretKeyRef();
          assertThat(readme).as("ops/README.md documents secret " + ref.getName() + " key " + ref.getKey())
              .containsPattern("\\| `" + Pattern.quote(ref.getName()) + "` \\| `" + Pattern.quote(ref.getKey()) + "` \\|");
        }
      }
    }
  }

  /** The table "What each workload reads" in ops/README.md: workload name -> "secret/key" it references. */
  private static Map<String, Set<String>> secretsTable() throws IOException {
    Map<String, Set<String>> table = new TreeMap<>();
    Pattern row = Pattern.compile("^\\| `([a-z0-9-]+)`(?: \\([a-z]+\\))? \\| (`[^|]+`) \\|$");
    String section = Files.readString(OPS.resolve("README.md")).split("### What each workload reads", 2)[1];
    for (String line : section.split("\n")) {
      Matcher m = row.matcher(line.trim());
      if (m.matches()) {
        Set<String> refs = new TreeSet<>();
        for (String ref : m.group(2).split(",")) {
          refs.add(ref.trim().replace("`", ""));
        }
        table.put(m.group(1), refs);
      }
    }
    return table;
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void everyWorkloadReadsExactlyTheSecretKeysTheRunbookListsForIt(String env) throws IOException {
    Map<String, Set<String>> table = secretsTable();
    assertThat(table).containsKeys("gau-account", "gau-email", "redis-email");
    List<HasMetadata> all = parseAll(generate(env, tmp.resolve(env)));
    Map<String, List<Container>> workloads = new TreeMap<>();
    ofType(all, Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), containers(
        d.getSpec().getTemplate().getSpec().getContainers(), d.getSpec().getTemplate().getSpec().getInitContainers())));
    ofType(all, StatefulSet.class).forEach(d -> workloads.put(d.getMetadata().getName(), containers(
        d.getSpec().getTemplate().getSpec().getContainers(), d.getSpec().getTemplate().getSpec().getInitContainers())));
    for (Map.Entry<String, List<Container>> workload : workloads.entrySet()) {
      Set<String> refs = new TreeSet<>();
      for (Container c : workload.getValue()) {
        for (EnvVar e : c.getEnv()) {
          if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
            refs.add(e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey());
          }
        }
        assertThat(c.getEnvFrom()).as(workload.getKey() + ": whole Secrets are never mounted as env")
            .allSatisfy(from -> assertThat(from.getSecretRef()).isNull());
      }
      assertThat(refs).as(env + " " + workload.getKey() + " (ops/README.md, What each workload reads)")
          .isEqualTo(table.get(workload.getKey()));
    }
    assertThat(table.get("gau-email")).as("gau-email holds no password of authorization's Redis")
        .noneMatch(ref -> ref.startsWith(GauService.SecretKey.REDIS_SHARED + "/"));
  }

  private static List<Container> containers(List<Container> main, List<Container> init) {
    List<Container> all = new ArrayList<>(main);
    if (init != null) {
      all.addAll(init);
    }
    return all;
  }
}
