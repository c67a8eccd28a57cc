package io.gau.ops.k8s;

import static io.gau.ops.k8s.Yamls.list;
import static io.gau.ops.k8s.Yamls.map;

import io.gau.ops.k8s.GauService.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds every Kubernetes object of one environment as plain maps, in a fixed order. No clock, no
 * randomness, no hash-map iteration: the same values and config files always give the same objects.
 */
public final class ManifestGenerator {
  /** Where the image keeps the agent (ops/docker/Dockerfile copies ops/otel/opentelemetry-javaagent.jar there). */
  public static final String OTEL_AGENT = "/otel/opentelemetry-javaagent.jar";
  /** Secret holding the Grafana Cloud OTLP endpoint and its Authorization header. */
  public static final String OTEL_SECRET = "gau-otel";
  static final String PART_OF = "gau";
  static final int APP_UID = 10001;
  static final int PRESTOP_SLEEP_SECONDS = 10;
  static final int TERMINATION_GRACE_SECONDS = 45;

  private final Values values;
  private final Map<GauService, String> configFiles;
  private final String ns;
  private final String env;
  private final String version;
  private final InternalCallers callers;

  /**
   * @param configFiles the text of {@code config/<service>.yml} for each service, put verbatim in its
   *     ConfigMap (the services substitute {@code ${VAR}} from the environment at start-up)
   */
  public ManifestGenerator(Values values, Map<GauService, String> configFiles) {
    this.values = values;
    this.configFiles = configFiles;
    this.ns = values.str("namespace");
    this.env = values.str("environment");
    this.version = values.str("version");
    this.callers = new InternalCallers(values, configFiles);
    checkDatabaseCapacity();
    if (version.isBlank() || version.equals("latest")) {
      throw new IllegalArgumentException("version must pin a release tag, not '" + version + "'");
    }
  }

  /**
   * At full scale every database pool must find a PgPool child: otherwise clients queue inside PgPool
   * and time out exactly when the HPA has scaled up under load.
   */
  private void checkDatabaseCapacity() {
    int perPod = values.integer("database.poolMaxPerPod");
    int clients = 0;
    for (GauService svc : GauService.values()) {
      if (svc.migrates()) {
        clients += perPod * values.integer("services." + svc.id() + ".maxReplicas");
      }
    }
    int children = values.integer("pgpool.replicas") * values.integer("pgpool.numInitChildren");
    if (clients > children) {
      throw new IllegalArgumentException("database pools at maxReplicas need " + clients
          + " PgPool children but pgpool.replicas x pgpool.numInitChildren = " + children);
    }
  }

  /** One generated object and the file it is written to. */
  public record Manifest(String file, Map<String, Object> object) {}

  /** All objects, each with a file name that sorts in apply order (namespace first, ingress last). */
  public List<Manifest> generate() {
    List<Manifest> out = new ArrayList<>();
    add(out, "00", namespace());
    for (GauService svc : GauService.values()) {
      add(out, "01", serviceAccount(svc));
      add(out, "02", configFileMap(svc));
      add(out, "02", envMap(svc));
    }
    networkPolicies().forEach(np -> add(out, "03", np));
    middlewares().forEach(mw -> add(out, "04", mw));
    infrastructure().forEach(obj -> add(out, "10", obj));
    for (GauService svc : GauService.values()) {
      if (svc.migrates()) {
        add(out, "20", migrationJob(svc));
      }
    }
    for (GauService svc : GauService.values()) {
      add(out, "30", deployment(svc));
      add(out, "31", service(svc));
      add(out, "32", hpa(svc));
      add(out, "33", pdb(svc.k8sName(), selector(svc.k8sName(), "server")));
    }
    add(out, "40", ingress(GauService.ACCOUNT, "/api/v2/account", values.str("hosts.api")));
    add(out, "40", ingress(GauService.CDN, "/images", values.str("hosts.cdn")));
    out.sort((a, b) -> a.file().compareTo(b.file()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<Manifest> out, String order, Map<String, Object> object) {
    Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
    String kind = ((String) object.get("kind")).toLowerCase(Locale.ROOT);
    String file = order + "-" + kind + "-" + meta.get("name") + ".yaml";
    if (out.stream().anyMatch(m -> m.file().equals(file))) {
      throw new IllegalStateException("two objects for " + file);
    }
    out.add(new Manifest(file, object));
  }

  // ---------------------------------------------------------------- metadata and labels

  private Map<String, Object> labels(String name, String component) {
    return map(
        "app.kubernetes.io/name", name,
        "app.kubernetes.io/component", component,
        "app.kubernetes.io/part-of", PART_OF,
        "app.kubernetes.io/version", version,
        "app.kubernetes.io/managed-by", "gau-k8s",
        "gau.io/environment", env);
  }

  /** The immutable selector of a workload: never the version, so a rollout keeps its pods' identity. */
  private static Map<String, Object> selector(String name, String component) {
    return map("app.kubernetes.io/name", name, "app.kubernetes.io/component", component);
  }

  private Map<String, Object> meta(String name, String component) {
    return map("name", name, "namespace", ns, "labels", labels(name, component));
  }

  private Map<String, Object> meta(String name, String component, Map<String, Object> annotations) {
    Map<String, Object> meta = meta(name, component);
    meta.put("annotations", annotations);
    return meta;
  }

  private Map<String, Object> namespace() {
    return map(
        "apiVersion", "v1",
        "kind", "Namespace",
        "metadata", map(
            "name", ns,
            "labels", map(
                "app.kubernetes.io/part-of", PART_OF,
                "gau.io/environment", env,
                // every pod here is non-root, drops all capabilities and uses the runtime's seccomp profile
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/warn", "restricted")));
  }

  private Map<String, Object> serviceAccount(GauService svc) {
    return map(
        "apiVersion", "v1",
        "kind", "ServiceAccount",
        "metadata", meta(svc.k8sName(), "server"),
        "automountServiceAccountToken", false);
  }

  // ---------------------------------------------------------------- configuration

  private String configName(GauService svc) {
    return svc.k8sName() + "-config";
  }

  private String envName(GauService svc) {
    return svc.k8sName() + "-env";
  }

  private Map<String, Object> configFileMap(GauService svc) {
    return map(
        "apiVersion", "v1",
        "kind", "ConfigMap",
        "metadata", meta(configName(svc), "server"),
        "data", map(svc.id() + ".yml", configFiles.get(svc)));
  }

  private String db(GauService svc) {
    return "gau_" + svc.id();
  }

  /** Non-secret addresses, read by config/<svc>.yml through ${VAR} substitution. */
  Map<String, String> envData(GauService svc) {
    Map<String, String> data = new TreeMap<>();
    String cdn = "https://" + values.str("hosts.cdn");
    switch (svc) {
      case ACCOUNT -> {
        putDatabase(data, svc);
        putRedis(data, "redis-authorization");
        data.put("AUTHORIZATION_URL", "http://gau-authorization:8081");
        data.put("UPLOAD_URL", "http://gau-upload:8083");
        data.put("CDN_URL", cdn);
        data.put("PUBLIC_BASE_URL", "https://" + values.str("hosts.api"));
        data.put("GOOGLE_CLIENT_ID", values.str("google.clientId"));
        // only Traefik's X-Forwarded-For names the client; from any other peer the socket address does
        data.put("TRUSTED_PROXIES", "[" + String.join(", ", values.strings("ingress.trustedProxies")) + "]");
      }
      case AUTHORIZATION -> {
        putDatabase(data, svc);
        putRedis(data, "redis-authorization");
      }
      case CDN -> {
        putRedis(data, "redis-cdn");
        putStorage(data);
      }
      case UPLOAD -> {
        putStorage(data);
        // the CDN's cache Redis (config/upload.yml: redis.*), where uploads and deletes invalidate copies
        data.put("CDN_REDIS_HOST", "redis-cdn");
        data.put("CDN_REDIS_PORT", "6379");
        data.put("CDN_BASE_URL", cdn);
      }
      case EMAIL -> {
        putRedis(data, "redis-email");
        data.put("SMTP_HOST", values.str("smtp.host"));
        data.put("SMTP_PORT", values.str("smtp.port"));
        data.put("SMTP_TRANSPORT", values.str("smtp.transport"));
        data.put("SMTP_USER", values.str("smtp.username"));
        data.put("SMTP_FROM", values.str("smtp.fromAddress"));
        data.put("SMTP_FROM_NAME", values.str("smtp.fromName"));
      }
    }
    return data;
  }

  private void putDatabase(Map<String, String> data, GauService svc) {
    data.put("DB_URL", "jdbc:postgresql://pgpool:5432/" + db(svc));
    data.put("DB_USER", db(svc));
    data.put("DB_POOL_MAX", String.valueOf(values.integer("database.poolMaxPerPod")));
  }

  private static void putRedis(Map<String, String> data, String host) {
    data.put("REDIS_HOST", host);
    data.put("REDIS_PORT", "6379");
  }

  private void putStorage(Map<String, String> data) {
    data.put("S3_ENDPOINT", values.str("storage.endpoint"));
    data.put("S3_REGION", values.str("storage.region"));
    data.put("S3_BUCKET", values.str("storage.bucket"));
  }

  private Map<String, Object> envMap(GauService svc) {
    return map(
        "apiVersion", "v1",
        "kind", "ConfigMap",
        "metadata", meta(envName(svc), "server"),
        "data", new TreeMap<String, Object>(envData(svc)));
  }

  private static Map<String, Object> secretEnv(String name, String secret, String key) {
    return map(
        "name", name,
        "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
  }

  private static Map<String, Object> secretEnv(SecretKey s) {
    return map(
        "name", s.env(),
        "valueFrom", map("secretKeyRef", map("name", s.secret(), "key", s.key(), "optional", s.optional() ? true : null)));
  }

  private static Map<String, Object> literalEnv(String name, String value) {
    return map("name", name, "value", value);
  }

  /** OpenTelemetry agent attachment + secrets: the per-container env list of a Gau service. */
  private List<Object> serviceEnv(GauService svc, String otelName) {
    List<Object> vars = new ArrayList<>();
    vars.add(literalEnv("JAVA_TOOL_OPTIONS", "-javaagent:" + OTEL_AGENT));
    vars.add(literalEnv("OTEL_SERVICE_NAME", otelName));
    vars.add(secretEnv("OTEL_EXPORTER_OTLP_ENDPOINT", OTEL_SECRET, "OTEL_EXPORTER_OTLP_ENDPOINT"));
    vars.add(secretEnv("OTEL_EXPORTER_OTLP_HEADERS", OTEL_SECRET, "OTEL_EXPORTER_OTLP_HEADERS"));
    vars.add(literalEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
    vars.add(literalEnv("OTEL_TRACES_EXPORTER", "otlp"));
    vars.add(literalEnv("OTEL_METRICS_EXPORTER", "otlp"));
    vars.add(literalEnv("OTEL_LOGS_EXPORTER", "otlp"));
    // the agent bridges the Dropwizard MetricRegistry (gau.* meters, @Timed timers) only when asked
    vars.add(literalEnv("OTEL_INSTRUMENTATION_DROPWIZARD_METRICS_ENABLED", "true"));
    vars.add(map("name", "K8S_POD_NAME", "valueFrom", map("fieldRef", map("fieldPath", "metadata.name"))));
    vars.add(literalEnv(
        "OTEL_RESOURCE_ATTRIBUTES",
        "deployment.environment=" + env + ",deployment.environment.name=" + env
            + ",service.namespace=" + PART_OF + ",service.version=" + version
            + ",k8s.namespace.name=" + ns + ",k8s.pod.name=$(K8S_POD_NAME)"));
    for (SecretKey s : svc.secrets()) {
      vars.add(secretEnv(s));
    }
    for (SecretKey s : callers.acceptedKeys(svc)) {
      vars.add(secretEnv(s));
    }
    return vars;
  }

  // ---------------------------------------------------------------- the five services

  private String image(GauService svc) {
    return values.str("registry") + "/" + svc.k8sName() + ":" + version;
  }

  private Map<String, Object> resources(String cpu, String memory, String cpuLimit, String memoryLimit) {
    return map(
        "requests", map("cpu", cpu, "memory", memory),
        "limits", map("cpu", cpuLimit, "memory", memoryLimit));
  }

  private Map<String, Object> serviceResources(GauService svc) {
    String p = "services." + svc.id() + ".";
    String memory = values.str(p + "memory");
    // memory limit = request: the heap is sized from it (-XX:MaxRAMPercentage) and the pod is never
    // killed for memory the scheduler did not reserve
    return resources(values.str(p + "cpu"), memory, values.str(p + "cpuLimit"), memory);
  }

  private static Map<String, Object> httpProbe(String path, int period, int timeout, int failures) {
    return map(
        "httpGet", map("path", path, "port", "admin"),
        "periodSeconds", period,
        "timeoutSeconds", timeout,
        "failureThreshold", failures);
  }

  private static Map<String, Object> restrictedContainer(boolean readOnlyRoot) {
    return map(
        "allowPrivilegeEscalation", false,
        "readOnlyRootFilesystem", readOnlyRoot,
        "runAsNonRoot", true,
        "capabilities", map("drop", list("ALL")));
  }

  private static Map<String, Object> podSecurity(int uid, int gid) {
    return map(
        "runAsNonRoot", true,
        "runAsUser", uid,
        "runAsGroup", gid,
        "fsGroup", gid,
        "seccompProfile", map("type", "RuntimeDefault"));
  }

  private Map<String, Object> serviceContainer(GauService svc, List<Object> args, boolean server) {
    Map<String, Object> c = map(
        "name", svc.k8sName(),
        "image", image(svc),
        "imagePullPolicy", "IfNotPresent",
        "args", args,
        "ports", server ? list(
            map("name", "http", "containerPort", svc.appPort(), "protocol", "TCP"),
            map("name", "admin", "containerPort", svc.adminPort(), "protocol", "TCP")) : null,
        "envFrom", list(map("configMapRef", map("name", envName(svc)))),
        "env", serviceEnv(svc, server ? svc.k8sName() : svc.k8sName() + "-migrate"),
        "resources", serviceResources(svc));
    if (server) {
      c.put("startupProbe", httpProbe("/ping", 5, 3, 36));
      c.put("readinessProbe", httpProbe("/healthcheck", 10, 5, 3));
      c.put("livenessProbe", httpProbe("/ping", 10, 5, 3));
      // keep serving while Traefik and kube-proxy drop the endpoint, then Jetty drains gracefully
      c.put("lifecycle", map("preStop", map("exec", map("command",
          list("sleep", String.valueOf(PRESTOP_SLEEP_SECONDS))))));
    }
    c.put("securityContext", restrictedContainer(true));
    c.put("volumeMounts", list(
        map("name", "config", "mountPath", "/app/config", "readOnly", true),
        map("name", "tmp", "mountPath", "/tmp")));
    return c;
  }

  private Map<String, Object> servicePodSpec(GauService svc, Map<String, Object> container, boolean server) {
    Map<String, Object> spec = map(
        "serviceAccountName", svc.k8sName(),
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(APP_UID, APP_UID),
        "imagePullSecrets", pullSecrets());
    if (server) {
      spec.put("terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS);
      spec.put("topologySpreadConstraints", list(map(
          "maxSkew", 1,
          "topologyKey", "kubernetes.io/hostname",
          "whenUnsatisfiable", "ScheduleAnyway",
          "labelSelector", map("matchLabels", selector(svc.k8sName(), "server")))));
    } else {
      spec.put("restartPolicy", "Never");
    }
    spec.put("containers", list(container));
    spec.put("volumes", list(
        map("name", "config", "configMap", map("name", configName(svc))),
        map("name", "tmp", "emptyDir", map("sizeLimit", "256Mi"))));
    return spec;
  }

  private List<Object> pullSecrets() {
    String name = values.optional("imagePullSecret");
    return name.isBlank() ? null : list(map("name", name));
  }

  /** Changes whenever the service's config file or env ConfigMap changes, so pods roll with their config. */
  private String configChecksum(GauService svc) {
    String text = Yamls.dump(configFileMap(svc)) + Yamls.dump(envMap(svc));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> deployment(GauService svc) {
    String name = svc.k8sName();
    Map<String, Object> container = serviceContainer(svc, list("server", "config/" + svc.id() + ".yml"), true);
    return map(
        "apiVersion", "apps/v1",
        "kind", "Deployment",
        "metadata", meta(name, "server", map(
            "gau.io/replicas", "managed by HorizontalPodAutoscaler/" + name + " (no spec.replicas here)")),
        "spec", map(
            "revisionHistoryLimit", 5,
            "minReadySeconds", 5,
            "progressDeadlineSeconds", 600,
            "selector", map("matchLabels", selector(name, "server")),
            "strategy", map(
                "type", "RollingUpdate",
                "rollingUpdate", map("maxUnavailable", 0, "maxSurge", 1)),
            "template", map(
                "metadata", map(
                    "labels", labels(name, "server"),
                    "annotations", map("gau.io/config-checksum", configChecksum(svc))),
                "spec", servicePodSpec(svc, container, true))));
  }

  private Map<String, Object> service(GauService svc) {
    return map(
        "apiVersion", "v1",
        "kind", "Service",
        "metadata", meta(svc.k8sName(), "server"),
        "spec", map(
            "type", "ClusterIP",
            "selector", selector(svc.k8sName(), "server"),
            "ports", list(
                map("name", "http", "port", svc.appPort(), "targetPort", "http", "protocol", "TCP"),
                map("name", "admin", "port", svc.adminPort(), "targetPort", "admin", "protocol", "TCP"))));
  }

  private Map<String, Object> hpa(GauService svc) {
    String p = "services." + svc.id() + ".";
    int min = values.integer(p + "minReplicas");
    int max = values.integer(p + "maxReplicas");
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(p + "minReplicas/maxReplicas: need 1 <= min <= max");
    }
    return map(
        "apiVersion", "autoscaling/v2",
        "kind", "HorizontalPodAutoscaler",
        "metadata", meta(svc.k8sName(), "server"),
        "spec", map(
            "scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", svc.k8sName()),
            "minReplicas", min,
            "maxReplicas", max,
            "metrics", list(
                resourceMetric("cpu", values.integer("autoscaling.cpuUtilization")),
                resourceMetric("memory", values.integer("autoscaling.memoryUtilization"))),
            "behavior", map(
                "scaleUp", map("stabilizationWindowSeconds", 0, "policies", list(
                    map("type", "Pods", "value", 2, "periodSeconds", 60))),
                "scaleDown", map("stabilizationWindowSeconds", 300, "policies", list(
                    map("type", "Pods", "value", 1, "periodSeconds", 120))))));
  }

  private static Map<String, Object> resourceMetric(String resource, int utilization) {
    return map(
        "type", "Resource",
        "resource", map(
            "name", resource,
            "target", map("type", "Utilization", "averageUtilization", utilization)));
  }

  private Map<String, Object> pdb(String name, Map<String, Object> selector) {
    return map(
        "apiVersion", "policy/v1",
        "kind", "PodDisruptionBudget",
        "metadata", meta(name, String.valueOf(selector.get("app.kubernetes.io/component"))),
        "spec", map(
            "maxUnavailable", 1,
            "selector", map("matchLabels", selector)));
  }

  private Map<String, Object> migrationJob(GauService svc) {
    String name = svc.k8sName() + "-migrate-" + version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    Map<String, Object> container = serviceContainer(svc, list("db", "migrate", "config/" + svc.id() + ".yml"), false);
    return map(
        "apiVersion", "batch/v1",
        "kind", "Job",
        "metadata", meta(name, "migration", map(
            "gau.io/run-before", "Deployment/" + svc.k8sName()
                + ": apply and wait for this Job before the rollout (ops/README.md, Deploy)",
            "argocd.argoproj.io/hook", "PreSync",
            "argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation",
            "helm.sh/hook", "pre-install,pre-upgrade",
            "helm.sh/hook-weight", "-5")),
        "spec", map(
            "backoffLimit", 2,
            "activeDeadlineSeconds", 900,
            "template", map(
                "metadata", map("labels", labels(svc.k8sName(), "migration")),
                "spec", servicePodSpec(svc, container, false))));
  }

  // ---------------------------------------------------------------- ingress (Traefik)

  private String middlewareRef(String name) {
    return ns + "-" + name + "@kubernetescrd";
  }

  private List<Map<String, Object>> middlewares() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String target : List.of("account", "cdn")) {
      out.add(map(
          "apiVersion", "traefik.io/v1alpha1",
          "kind", "Middleware",
          "metadata", meta("gau-ratelimit-" + target, "ingress"),
          "spec", map("rateLimit", map(
              "average", values.integer("ingress.rateLimit." + target + ".average"),
              "burst", values.integer("ingress.rateLimit." + target + ".burst"),
              "period", "1s"))));
    }
    out.add(map(
        "apiVersion", "traefik.io/v1alpha1",
        "kind", "Middleware",
        "metadata", meta("gau-security-headers", "ingress"),
        "spec", map("headers", map(
            "stsSeconds", 31536000,
            "stsIncludeSubdomains", true,
            "stsPreload", true,
            "forceSTSHeader", true,
            "contentTypeNosniff", true,
            "frameDeny", true,
            "referrerPolicy", "no-referrer",
            "permissionsPolicy", "camera=(), microphone=(), geolocation=()",
            "customResponseHeaders", map("Server", "", "X-Powered-By", "")))));
    return out;
  }

  private Map<String, Object> ingress(GauService svc, String path, String host) {
    return map(
        "apiVersion", "networking.k8s.io/v1",
        "kind", "Ingress",
        "metadata", meta(svc.k8sName(), "ingress", map(
            "traefik.ingress.kubernetes.io/router.entrypoints", values.str("ingress.entryPoint"),
            "traefik.ingress.kubernetes.io/router.tls", "true",
            "traefik.ingress.kubernetes.io/router.middlewares",
            middlewareRef("gau-ratelimit-" + svc.id()) + "," + middlewareRef("gau-security-headers"))),
        "spec", map(
            "ingressClassName", values.str("ingress.className"),
            "tls", list(map("hosts", list(host), "secretName", values.str("ingress.tlsSecret"))),
            "rules", list(map(
                "host", host,
                "http", map("paths", list(map(
                    "path", path,
                    "pathType", "Prefix",
                    "backend", map("service", map(
                        "name", svc.k8sName(),
                        "port", map("name", "http"))))))))));
  }

  // ---------------------------------------------------------------- network policies

  private static Map<String, Object> podsNamed(String... names) {
    return map("matchExpressions", list(map(
        "key", "app.kubernetes.io/name", "operator", "In", "values", list((Object[]) names))));
  }

  private Map<String, Object> policy(String name, Map<String, Object> podSelector, List<Object> ingress) {
    return map(
        "apiVersion", "networking.k8s.io/v1",
        "kind", "NetworkPolicy",
        "metadata", meta(name, "network-policy"),
        "spec", map(
            "podSelector", podSelector,
            "policyTypes", list("Ingress"),
            // no rules at all (not an empty list) = deny every ingress
            "ingress", ingress.isEmpty() ? null : ingress));
  }

  private static Map<String, Object> from(Map<String, Object> peers, Object... ports) {
    List<Object> portList = new ArrayList<>();
    for (Object port : ports) {
      portList.add(map("protocol", "TCP", "port", port));
    }
    return map("from", peers.get("from"), "ports", portList);
  }

  private static Map<String, Object> peersNamed(String... names) {
    return map("from", list(map("podSelector", podsNamed(names))));
  }

  private List<Map<String, Object>> networkPolicies() {
    List<Map<String, Object>> out = new ArrayList<>();
    // nothing reaches a pod of the namespace unless a policy below lets it
    out.add(policy("default-deny-ingress", map(), list()));
    Map<String, Object> traefik = map("from", list(map(
        "namespaceSelector", map("matchLabels", map(
            "kubernetes.io/metadata.name", values.str("ingress.controllerNamespace"))),
        "podSelector", map("matchLabels", map(
            "app.kubernetes.io/name", values.str("ingress.controllerPodLabel"))))));
    out.add(policy("gau-account", map("matchLabels", selector("gau-account", "server")),
        list(from(traefik, "http"))));
    out.add(policy("gau-cdn", map("matchLabels", selector("gau-cdn", "server")),
        list(from(traefik, "http"))));
    // internal APIs: gau-account and the listed internalCallers (each with its own key), never the ingress
    for (GauService callee : InternalCallers.CALLEES) {
      Map<String, Object> account = map("podSelector", podsNamed("gau-account"));
      out.add(policy(callee.k8sName(), map("matchLabels", selector(callee.k8sName(), "server")),
          list(from(map("from", callers.peersOf(callee, account)), "http"))));
    }
    out.add(policy("pgpool", map("matchLabels", selector("pgpool", "database-proxy")),
        list(from(peersNamed("gau-account", "gau-authorization"), 5432))));
    if (inClusterPostgres()) {
      out.add(policy("postgres", map("matchLabels", selector("postgres", "database")),
          list(from(peersNamed("pgpool"), 5432))));
    }
    out.add(policy("redis-authorization", map("matchLabels", selector("redis-authorization", "cache")),
        list(from(peersNamed("gau-account", "gau-authorization"), 6379))));
    out.add(policy("redis-email", map("matchLabels", selector("redis-email", "cache")),
        list(from(peersNamed("gau-email"), 6379))));
    out.add(policy("redis-cdn", map("matchLabels", selector("redis-cdn", "cache")),
        list(from(peersNamed("gau-cdn", "gau-upload"), 6379))));
    out.add(policy("rabbitmq", map("matchLabels", selector("rabbitmq", "broker")),
        list(from(peersNamed("gau-account", "gau-email"), 5672))));
    return out;
  }

  // ---------------------------------------------------------------- infrastructure

  boolean inClusterPostgres() {
    return values.optional("postgres.host").isBlank();
  }

  private List<Map<String, Object>> infrastructure() {
    List<Map<String, Object>> out = new ArrayList<>();
    out.addAll(durableRedis("redis-authorization", SecretKey.REDIS_SHARED, "redis.authorization"));
    out.addAll(durableRedis("redis-email", SecretKey.REDIS_EMAIL, "redis.email"));
    out.addAll(redisCdn());
    out.addAll(pgpool());
    if (inClusterPostgres()) {
      out.addAll(postgres());
    }
    out.addAll(rabbitmq());
    return out;
  }

  private Map<String, Object> infraService(String name, String component, int port, String portName, boolean headless) {
    return map(
        "apiVersion", "v1",
        "kind", "Service",
        "metadata", meta(name, component),
        "spec", map(
            "type", "ClusterIP",
            "clusterIP", headless ? "None" : null,
            "selector", selector(name, component),
            "ports", list(map("name", portName, "port", port, "targetPort", portName, "protocol", "TCP"))));
  }

  private Map<String, Object> pvcTemplate(String name, String size) {
    String storageClass = values.optional("storageClass");
    return map(
        "apiVersion", "v1",
        "kind", "PersistentVolumeClaim",
        "metadata", map("name", name),
        "spec", map(
            "accessModes", list("ReadWriteOnce"),
            "storageClassName", storageClass.isBlank() ? null : storageClass,
            "resources", map("requests", map("storage", size))));
  }

  private Map<String, Object> statefulSet(String name, String component, Map<String, Object> podSpec,
      Map<String, Object> volumeClaim) {
    return map(
        "apiVersion", "apps/v1",
        "kind", "StatefulSet",
        "metadata", meta(name, component),
        "spec", map(
            "serviceName", name,
            "replicas", 1,
            "selector", map("matchLabels", selector(name, component)),
            "updateStrategy", map("type", "RollingUpdate"),
            "template", map(
                "metadata", map("labels", labels(name, component)),
                "spec", podSpec),
            "volumeClaimTemplates", list(volumeClaim)));
  }

  private static Map<String, Object> execProbe(String command, int period, int timeout, int failures) {
    return map(
        "exec", map("command", list("sh", "-c", command)),
        "periodSeconds", period,
        "timeoutSeconds", timeout,
        "failureThreshold", failures);
  }

  private static Map<String, Object> tcpProbe(String port, int period, int failures) {
    return map(
        "tcpSocket", map("port", port),
        "periodSeconds", period,
        "timeoutSeconds", 3,
        "failureThreshold", failures);
  }

  private static final String REDIS_PING =
      "redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG";

  private Map<String, Object> redisContainer(String name, List<Object> args, String secret, String memory) {
    return map(
        "name", "redis",
        "image", values.str("redis.image"),
        "imagePullPolicy", "IfNotPresent",
        "args", args,
        "ports", list(map("name", "redis", "containerPort", 6379, "protocol", "TCP")),
        "env", list(secretEnv("REDIS_PASSWORD", secret, "REDIS_PASSWORD")),
        "resources", resources("100m", memory, "1", memory),
        "readinessProbe", execProbe(REDIS_PING, 10, 3, 3),
        "livenessProbe", execProbe(REDIS_PING, 20, 5, 3),
        "securityContext", restrictedContainer(true),
        "volumeMounts", list(map("name", "data", "mountPath", "/data")));
  }

  /**
   * A durable Redis (AOF on a PVC): redis-authorization holds the token bitmap (PostgreSQL can rebuild it)
   * and login limits; redis-email holds gau-email's idempotency claims, apart, so the email pods hold no
   * password of the Redis that decides whether a token is revoked.
   */
  private List<Map<String, Object>> durableRedis(String name, String secret, String valuesKey) {
    Map<String, Object> container = redisContainer(name, list(
        "redis-server", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", "/data",
        "--requirepass", "$(REDIS_PASSWORD)"), secret, values.str(valuesKey + ".memory"));
    Map<String, Object> pod = map(
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(999, 1000),
        "terminationGracePeriodSeconds", 30,
        "containers", list(container));
    return List.of(
        infraService(name, "cache", 6379, "redis", false),
        statefulSet(name, "cache", pod, pvcTemplate("data", values.str(valuesKey + ".storage"))));
  }

  /** The image cache: bounded memory, least-recently-used keys evicted, nothing kept on disk. */
  private List<Map<String, Object>> redisCdn() {
    String name = "redis-cdn";
    Map<String, Object> container = redisContainer(name, list(
        "redis-server", "--maxmemory", values.str("redis.cdn.maxmemory"), "--maxmemory-policy", "allkeys-lru",
        "--save", "", "--appendonly", "no", "--requirepass", "$(REDIS_PASSWORD)"),
        SecretKey.REDIS_CACHE, values.str("redis.cdn.memory"));
    Map<String, Object> pod = map(
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(999, 1000),
        "containers", list(container),
        "volumes", list(map("name", "data", "emptyDir", map())));
    Map<String, Object> deployment = map(
        "apiVersion", "apps/v1",
        "kind", "Deployment",
        "metadata", meta(name, "cache"),
        "spec", map(
            "replicas", 1,
            "selector", map("matchLabels", selector(name, "cache")),
            "strategy", map("type", "RollingUpdate", "rollingUpdate", map("maxUnavailable", 0, "maxSurge", 1)),
            "template", map("metadata", map("labels", labels(name, "cache")), "spec", pod)));
    return List.of(infraService(name, "cache", 6379, "redis", false), deployment);
  }

  private String postgresBackend() {
    return inClusterPostgres()
        ? "0:postgres-0.postgres:5432"
        : "0:" + values.str("postgres.host") + ":" + values.integer("postgres.port");
  }

  private List<Map<String, Object>> pgpool() {
    String name = "pgpool";
    Map<String, Object> container = map(
        "name", "pgpool",
        "image", values.str("pgpool.image"),
        "imagePullPolicy", "IfNotPresent",
        "ports", list(map("name", "postgresql", "containerPort", 5432, "protocol", "TCP")),
        "env", list(
            literalEnv("PGPOOL_BACKEND_NODES", postgresBackend()),
            literalEnv("PGPOOL_PORT_NUMBER", "5432"),
            literalEnv("PGPOOL_ENABLE_LOAD_BALANCING", "no"),
            literalEnv("PGPOOL_NUM_INIT_CHILDREN", values.str("pgpool.numInitChildren")),
            literalEnv("PGPOOL_MAX_POOL", values.str("pgpool.maxPool")),
            literalEnv("PGPOOL_ADMIN_USERNAME", "pgpool_admin"),
            secretEnv("PGPOOL_ADMIN_PASSWORD", "gau-pgpool", "PGPOOL_ADMIN_PASSWORD"),
            literalEnv("PGPOOL_POSTGRES_USERNAME", "postgres"),
            secretEnv("PGPOOL_POSTGRES_PASSWORD", "gau-pgpool", "PGPOOL_POSTGRES_PASSWORD"),
            literalEnv("PGPOOL_SR_CHECK_USER", "postgres"),
            secretEnv("PGPOOL_SR_CHECK_PASSWORD", "gau-pgpool", "PGPOOL_SR_CHECK_PASSWORD"),
            literalEnv("PGPOOL_POSTGRES_CUSTOM_USERS", "gau_account,gau_authorization"),
            secretEnv("PGPOOL_POSTGRES_CUSTOM_PASSWORDS", "gau-pgpool", "PGPOOL_POSTGRES_CUSTOM_PASSWORDS")),
        "resources", resources("100m", "256Mi", "1", "256Mi"),
        "readinessProbe", tcpProbe("postgresql", 10, 3),
        "livenessProbe", tcpProbe("postgresql", 20, 3),
        "securityContext", restrictedContainer(false));
    Map<String, Object> pod = map(
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(1001, 1001),
        "containers", list(container));
    Map<String, Object> deployment = map(
        "apiVersion", "apps/v1",
        "kind", "Deployment",
        "metadata", meta(name, "database-proxy"),
        "spec", map(
            "replicas", values.integer("pgpool.replicas"),
            "selector", map("matchLabels", selector(name, "database-proxy")),
            "strategy", map("type", "RollingUpdate", "rollingUpdate", map("maxUnavailable", 0, "maxSurge", 1)),
            "template", map("metadata", map("labels", labels(name, "database-proxy")), "spec", pod)));
    return List.of(
        infraService(name, "database-proxy", 5432, "postgresql", false),
        deployment,
        pdb(name, selector(name, "database-proxy")));
  }

  /** Creates the two roles and databases on the first start of an empty data directory. */
  private static final String POSTGRES_INIT = String.join("\n",
      "#!/bin/sh",
      "# run once by the postgres image on an empty PGDATA; passwords come from Secrets, never from here",
      "set -eu",
      "psql -v ON_ERROR_STOP=1 --username postgres <<SQL",
      "CREATE ROLE gau_account LOGIN PASSWORD '$ACCOUNT_DB_PASSWORD';",
      "CREATE DATABASE gau_account OWNER gau_account;",
      "CREATE ROLE gau_authorization LOGIN PASSWORD '$AUTHORIZATION_DB_PASSWORD';",
      "CREATE DATABASE gau_authorization OWNER gau_authorization;",
      "SQL",
      "");

  private List<Map<String, Object>> postgres() {
    String name = "postgres";
    Map<String, Object> init = map(
        "apiVersion", "v1",
        "kind", "ConfigMap",
        "metadata", meta("postgres-init", "database"),
        "data", map("10-gau-databases.sh", POSTGRES_INIT));
    Map<String, Object> container = map(
        "name", "postgres",
        "image", values.str("postgres.image"),
        "imagePullPolicy", "IfNotPresent",
        "ports", list(map("name", "postgresql", "containerPort", 5432, "protocol", "TCP")),
        "env", list(
            literalEnv("PGDATA", "/var/lib/postgresql/data/pgdata"),
            secretEnv("POSTGRES_PASSWORD", "gau-postgres", "POSTGRES_PASSWORD"),
            secretEnv("ACCOUNT_DB_PASSWORD", "gau-account", "DB_PASSWORD"),
            secretEnv("AUTHORIZATION_DB_PASSWORD", "gau-authorization", "DB_PASSWORD")),
        "resources", resources("250m", "1Gi", "2", "1Gi"),
        "readinessProbe", execProbe("pg_isready -U postgres -h 127.0.0.1", 10, 5, 3),
        "livenessProbe", execProbe("pg_isready -U postgres -h 127.0.0.1", 20, 5, 6),
        "securityContext", restrictedContainer(false),
        "volumeMounts", list(
            map("name", "data", "mountPath", "/var/lib/postgresql/data"),
            map("name", "init", "mountPath", "/docker-entrypoint-initdb.d", "readOnly", true),
            map("name", "run", "mountPath", "/var/run/postgresql")));
    Map<String, Object> pod = map(
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(999, 999),
        "terminationGracePeriodSeconds", 60,
        "containers", list(container),
        "volumes", list(
            map("name", "init", "configMap", map("name", "postgres-init")),
            map("name", "run", "emptyDir", map())));
    return List.of(
        init,
        infraService(name, "database", 5432, "postgresql", true),
        statefulSet(name, "database", pod, pvcTemplate("data", values.str("postgres.storage"))));
  }

  private List<Map<String, Object>> rabbitmq() {
    String name = "rabbitmq";
    String memory = values.str("rabbitmq.memory");
    Map<String, Object> container = map(
        "name", "rabbitmq",
        "image", values.str("rabbitmq.image"),
        "imagePullPolicy", "IfNotPresent",
        "ports", list(
            map("name", "amqp", "containerPort", 5672, "protocol", "TCP"),
            map("name", "management", "containerPort", 15672, "protocol", "TCP")),
        "env", list(
            literalEnv("RABBITMQ_DEFAULT_USER", "gau"),
            secretEnv("RABBITMQ_DEFAULT_PASS", "gau-rabbitmq", "RABBITMQ_PASSWORD"),
            secretEnv("RABBITMQ_ERLANG_COOKIE", "gau-rabbitmq", "RABBITMQ_ERLANG_COOKIE")),
        "resources", resources("250m", memory, "1", memory),
        "readinessProbe", execProbe("rabbitmq-diagnostics -q check_port_connectivity", 20, 15, 3),
        "livenessProbe", execProbe("rabbitmq-diagnostics -q ping", 30, 15, 4),
        "securityContext", restrictedContainer(false),
        "volumeMounts", list(map("name", "data", "mountPath", "/var/lib/rabbitmq")));
    Map<String, Object> pod = map(
        "automountServiceAccountToken", false,
        "securityContext", podSecurity(999, 999),
        "terminationGracePeriodSeconds", 60,
        "containers", list(container));
    return List.of(
        infraService(name, "broker", 5672, "amqp", false),
        statefulSet(name, "broker", pod, pvcTemplate("data", values.str("rabbitmq.storage"))));
  }
}
