package io.gau.ops.k8s;

import static io.gau.ops.k8s.Yamls.map;

import io.gau.ops.k8s.GauService.SecretKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Who may call the internal services (authorization, upload) and with which key. gau-account calls both;
 * other callers (the Kanban service, ...) are listed in the environment's values:
 *
 * <pre>
 * internalCallers:
 *   - {name: kanban, namespace: kanban, podLabel: kanban, calls: [authorization]}
 * </pre>
 *
 * Each caller–callee pair has its own Secret {@code gau-caller-<caller>-<callee>}: {@code KEY}, and while the
 * key is rotated {@code ROTATING_KEY} (optional), which the callee reads as {@code CALLER_KEY_<CALLER>} and
 * {@code CALLER_KEY_<CALLER>_ROTATING}. A caller must also be named in {@code config/<callee>.yml}'s
 * {@code internalCallers}, or the callee would never read its key: the generator refuses such values.
 */
final class InternalCallers {
  /** The services whose application port answers only keyed callers. */
  static final Set<GauService> CALLEES = EnumSet.of(GauService.AUTHORIZATION, GauService.UPLOAD);
  private static final String ACCOUNT = "account";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,30}");

  /** A caller outside Gau, found by the namespace and {@code app.kubernetes.io/name} label of its pods. */
  record Caller(String name, String namespace, String podLabel, Set<GauService> calls) {}

  private final List<Caller> external;
  private final String namespace;

  InternalCallers(Values values, Map<GauService, String> configFiles) {
    this.namespace = values.str("namespace");
    this.external = parse(values);
    for (Caller caller : external) {
      for (GauService callee : caller.calls()) {
        if (!configuredCallers(configFiles.get(callee)).contains(caller.name())) {
          throw new IllegalArgumentException("internalCallers: '" + caller.name() + "' calls " + callee.id()
              + " but config/" + callee.id() + ".yml has no internalCallers entry '" + caller.name()
              + "', so its key would be ignored; add one (ops/README.md, \"Add an internal caller\")");
        }
      }
    }
  }

  /** The keys {@code callee} accepts: gau-account's and each listed caller's, current and rotating. */
  List<SecretKey> acceptedKeys(GauService callee) {
    List<SecretKey> keys = new ArrayList<>();
    if (!CALLEES.contains(callee)) {
      return keys;
    }
    List<String> callers = new ArrayList<>(List.of(ACCOUNT));
    external.stream().filter(c -> c.calls().contains(callee)).forEach(c -> callers.add(c.name()));
    for (String caller : callers) {
      String secret = SecretKey.callerSecret(caller, callee.id());
      String env = "CALLER_KEY_" + caller.toUpperCase(Locale.ROOT);
      keys.add(new SecretKey(secret, SecretKey.CALLER_KEY, "the Private-Key " + caller + " sends to " + callee.id(), env));
      keys.add(new SecretKey(secret, SecretKey.CALLER_ROTATING_KEY, "the next key of " + caller + ", while it is rotated",
          env + "_ROTATING", true));
    }
    return keys;
  }

  /** The NetworkPolicy peers that may open the callee's application port. */
  List<Object> peersOf(GauService callee, Map<String, Object> accountPods) {
    List<Object> peers = new ArrayList<>(List.of(accountPods));
    for (Caller caller : external) {
      if (caller.calls().contains(callee)) {
        Map<String, Object> pods = map("matchLabels", map("app.kubernetes.io/name", caller.podLabel()));
        peers.add(caller.namespace().equals(namespace)
            ? map("podSelector", pods)
            : map("namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", caller.namespace())),
                "podSelector", pods));
      }
    }
    return peers;
  }

  private static List<Caller> parse(Values values) {
    List<Caller> out = new ArrayList<>();
    for (Map<?, ?> entry : values.mappings("internalCallers")) {
      String name = text(entry, "name");
      if (!NAME.matcher(name).matches() || name.equals(ACCOUNT)) {
        throw new IllegalArgumentException("internalCallers: name '" + name
            + "' must be 2-31 lower-case letters and digits and not 'account'");
      }
      if (out.stream().anyMatch(c -> c.name().equals(name))) {
        throw new IllegalArgumentException("internalCallers: '" + name + "' is listed twice");
      }
      Set<GauService> calls = EnumSet.noneOf(GauService.class);
      if (!(entry.get("calls") instanceof List<?> called) || called.isEmpty()) {
        throw new IllegalArgumentException("internalCallers: '" + name + "' needs calls: [authorization|upload, ...]");
      }
      for (Object id : called) {
        calls.add(CALLEES.stream().filter(s -> s.id().equals(String.valueOf(id))).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("internalCallers: '" + name + "' calls '" + id
                + "', which is not an internal service (authorization, upload)")));
      }
      out.add(new Caller(name, text(entry, "namespace"), text(entry, "podLabel"), calls));
    }
    return out;
  }

  private static String text(Map<?, ?> entry, String key) {
    Object value = entry.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalArgumentException("internalCallers: an entry has no '" + key + "': " + entry);
    }
    return String.valueOf(value);
  }

  /** The caller names under {@code internalCallers:} of a service's config file. */
  static Set<String> configuredCallers(String configText) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(configText == null ? "" : configText);
    Set<String> names = new LinkedHashSet<>();
    if (doc instanceof Map<?, ?> root && root.get("internalCallers") instanceof Map<?, ?> callers) {
      callers.keySet().forEach(k -> names.add(String.valueOf(k)));
    }
    return names;
  }
}
