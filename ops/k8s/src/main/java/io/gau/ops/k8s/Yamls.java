package io.gau.ops.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Map/list builders and the one YAML dumper: block style, insertion-ordered keys (objects are built
 * in the conventional apiVersion/kind/metadata/spec order; free-form maps are sorted by the caller),
 * multi-line strings as literal blocks, never anchors — so the same input always gives the same bytes.
 */
public final class Yamls {
  private Yamls() {}

  /** An ordered map from alternating keys and values; entries whose value is null are left out. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of arguments");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        out.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return out;
  }

  /** A list without the null elements. */
  public static List<Object> list(Object... items) {
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  /** Dumps one object as a YAML document (no leading "---"). */
  public static String dump(Object object) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(new LiteralRepresenter(options), options).dump(copy(object));
  }

  /** A fresh tree, so that no node is shared and SnakeYAML never writes an anchor/alias. */
  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (node instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(copy(item)));
      return out;
    }
    return node;
  }

  private static final class LiteralRepresenter extends Representer {
    LiteralRepresenter(DumperOptions options) {
      super(options);
      Represent plain = this.representers.get(String.class);
      this.representers.put(
          String.class,
          data -> {
            String text = (String) data;
            if (text.contains("\n")) {
              return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
            }
            return plain.representData(data);
          });
    }

    @Override
    protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
      return super.representScalar(tag, value, style);
    }
  }
}
