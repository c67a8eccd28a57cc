package io.gau.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ops/monitoring: the dashboard is valid Grafana JSON, the alerts valid Prometheus rule groups, and
 * every metric either queries is listed in metrics.txt (the one list to cross-check with the services).
 */
class MonitoringFilesTest {
  static final Path DIR = GeneratedManifestsTest.OPS.resolve("monitoring");
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /** metrics.txt as Prometheus-name patterns: dots to underscores, '*' = one or more segments. */
  static List<Pattern> knownMetrics() throws IOException {
    List<Pattern> known = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("metrics.txt"))) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] parts = t.split("\\s+");
      assertThat(parts.length).as("metrics.txt line '%s': NAME TYPE SOURCE - meaning", t).isGreaterThanOrEqualTo(3);
      assertThat(parts[1]).isIn("counter", "timer", "histogram", "gauge", "meter");
      String prom = Pattern.quote(parts[0].replace('.', '_')).replace("*", "\\E[A-Za-z0-9_]+\\Q");
      known.add(Pattern.compile(prom));
    }
    return known;
  }

  private static final Pattern NAME_REGEX = Pattern.compile("__name__=~\"([A-Za-z0-9_:]+)\\(_total\\)\\?\"");
  private static final Pattern SELECTOR = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)\\{");
  private static final Pattern SUFFIX = Pattern.compile("(_milliseconds|_seconds)?(_bucket|_sum|_count)$|_total$");

  /** The metric names an expression reads. */
  static Set<String> metricsOf(String expr) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME_REGEX.matcher(expr);
    while (m.find()) {
      names.add(m.group(1));
    }
    m = SELECTOR.matcher(expr);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static boolean known(String name, List<Pattern> known) {
    String base = name;
    if (known.stream().anyMatch(p -> p.matcher(name).matches())) {
      return true;
    }
    Matcher s = SUFFIX.matcher(base);
    if (s.find()) {
      String stripped = base.substring(0, s.start());
      String withUnit = base.replaceAll("(_bucket|_sum|_count)$", "");
      return known.stream().anyMatch(p -> p.matcher(stripped).matches() || p.matcher(withUnit).matches());
    }
    return false;
  }

  private static void assertBalanced(String expr) {
    int depth = 0;
    for (char c : expr.toCharArray()) {
      depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
      assertThat(depth).as("brackets of %s", expr).isGreaterThanOrEqualTo(0);
    }
    assertThat(depth).as("brackets of %s", expr).isZero();
  }

  @Test
  void dashboardIsValidAndQueriesOnlyListedMetrics() throws IOException {
    JsonNode dash = JSON.readTree(DIR.resolve("grafana-dashboard.json").toFile());
    assertThat(dash.path("uid").asText()).isNotBlank();
    List<Pattern> known = knownMetrics();
    Set<String> used = new TreeSet<>();
    Set<String> titles = new TreeSet<>();
    for (JsonNode panel : dash.path("panels")) {
      titles.add(panel.path("title").asText());
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(expr).isNotBlank();
        assertBalanced(expr);
        used.addAll(metricsOf(expr));
      }
    }
    assertThat(titles).contains("Request rate by route", "Error ratio (5xx) by route", "Latency p95 by route",
        "Token validations", "CDN cache hit ratio per tier", "Email sent / retried / dead-lettered", "Heap used");
    assertThat(used).contains("gau_cdn_hits_l1", "gau_cdn_hits_redis", "gau_cdn_misses", "gau_email_sent",
        "gau_email_retried", "gau_email_dead_lettered", "gau_authorization_validations");
    assertThat(used).allSatisfy(n -> assertThat(known(n, known)).as("%s is listed in metrics.txt", n).isTrue());
  }

  @Test
  void alertsAreValidRuleGroupsOverListedMetrics() throws IOException {
    JsonNode rules = YAML.readTree(DIR.resolve("alerts.yml").toFile());
    List<Pattern> known = knownMetrics();
    assertThat(rules.path("groups").isArray()).isTrue();
    Set<String> groupNames = new TreeSet<>();
    int count = 0;
    for (JsonNode group : rules.path("groups")) {
      assertThat(groupNames.add(group.path("name").asText())).as("group names are unique").isTrue();
      for (JsonNode rule : group.path("rules")) {
        count++;
        assertThat(rule.path("alert").asText()).matches("[A-Z][A-Za-z0-9]+");
        assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning", "info");
        assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        if (rule.has("for")) {
          assertThat(rule.path("for").asText()).matches("\\d+[smh]");
        }
        String expr = rule.path("expr").asText();
        assertBalanced(expr);
        for (String n : metricsOf(expr)) {
          assertThat(known(n, known)).as("%s (alert %s) is listed in metrics.txt", n, rule.path("alert").asText()).isTrue();
        }
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(8);
  }

  @Test
  void anUnlistedMetricIsCaught() throws IOException {
    List<Pattern> known = knownMetrics();
    assertThat(known("gau_cdn_hits_l1_total", known)).isTrue();
    assertThat(known("io_gau_account_resources_LoginResource_login_milliseconds_bucket", known)).isTrue();
    assertThat(known("gau_cdn_hits_l3", known)).isFalse();
  }
}
