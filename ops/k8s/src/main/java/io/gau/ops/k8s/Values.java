package io.gau.ops.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The values of one environment ({@code ops/k8s/<env>.yml}), read by dotted path; a missing or
 * mistyped key stops the generator with a message naming the key and the file.
 */
public final class Values {
  private final Map<?, ?> root;
  private final String source;

  Values(Map<?, ?> root, String source) {
    this.root = root;
    this.source = source;
  }

  /** Reads a values file with SnakeYAML's safe constructor (plain maps, lists and scalars only). */
  public static Values load(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(doc instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + ": expected a YAML mapping");
      }
      return new Values(map, file.toString());
    }
  }

  private Object find(String path) {
    Object node = root;
    for (String part : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  private Object required(String path) {
    Object value = find(path);
    if (value == null) {
      throw new IllegalArgumentException(source + ": missing required value '" + path + "'");
    }
    return value;
  }

  /** A required scalar, as a string (numbers included). */
  public String str(String path) {
    Object value = required(path);
    if (value instanceof Map || value instanceof Iterable) {
      throw new IllegalArgumentException(source + ": '" + path + "' must be a scalar");
    }
    return String.valueOf(value);
  }

  /** A scalar that may be absent or empty. */
  public String optional(String path) {
    Object value = find(path);
    return value == null ? "" : String.valueOf(value);
  }

  /** A list of mappings that may be absent (then empty); anything else in its place is an error. */
  public List<Map<?, ?>> mappings(String path) {
    Object value = find(path);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof Map))) {
      throw new IllegalArgumentException(source + ": '" + path + "' must be a list of mappings");
    }
    return items.stream().<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
  }

  /** A required, non-empty list of scalars. */
  public List<String> strings(String path) {
    Object value = required(path);
    if (!(value instanceof List<?> items) || items.isEmpty()
        || items.stream().anyMatch(i -> i == null || i instanceof Map || i instanceof Iterable)) {
      throw new IllegalArgumentException(source + ": '" + path + "' must be a non-empty list of values");
    }
    return items.stream().map(String::valueOf).toList();
  }

  /** A required integer. */
  public int integer(String path) {
    Object value = required(path);
    if (value instanceof Integer i) {
      return i;
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": '" + path + "' must be an integer, not " + value);
    }
  }
}
