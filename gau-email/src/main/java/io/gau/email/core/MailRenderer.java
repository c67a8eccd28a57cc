package io.gau.email.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link MailRequest} with Mustache: one shared layout (HTML and plain text) filled with the
 * template's strings for the locale ({@code templates/strings/<locale>.yml}). Every value from a message
 * is HTML-escaped in the HTML part; the text part carries it verbatim.
 */
public final class MailRenderer {
  private static final List<String> LOCALES = List.of("en", "vi");

  /** One template's strings in one locale, compiled; each line is a Mustache template over the message. */
  private record Compiled(Mustache subject, Mustache heading, List<Mustache[]> lines, Mustache[] action, List<Mustache[]> after) {}

  private final DefaultMustacheFactory htmlFactory =
      new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(escape(value));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
  private final DefaultMustacheFactory textFactory =
      new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(value); // plain text: nothing to escape
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
  private final Mustache htmlLayout = htmlFactory.compile("layout.html.mustache");
  private final Mustache textLayout = textFactory.compile("layout.txt.mustache");
  private final Map<String, Map<EmailTemplate, Compiled>> compiled = new HashMap<>();
  private final Map<String, Mustache[]> greetings = new HashMap<>();
  private final Map<String, String> footers = new HashMap<>();
  private final String productName;
  private final String siteUrl;
  private final InstantSource clock;

  public MailRenderer(String productName, String siteUrl, InstantSource clock) {
    this.productName = productName;
    this.siteUrl = siteUrl;
    this.clock = clock;
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String locale : LOCALES) {
      Map<String, Object> strings = load(yaml, locale);
      greetings.put(locale, both("greeting", (String) strings.get("greeting")));
      footers.put(locale, (String) strings.get("footer"));
      Map<EmailTemplate, Compiled> byTemplate = new EnumMap<>(EmailTemplate.class);
      for (EmailTemplate template : EmailTemplate.values()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) strings.get(template.wireName());
        if (t == null) {
          throw new IllegalStateException("templates/strings/" + locale + ".yml lacks " + template.wireName());
        }
        String name = locale + "/" + template.wireName();
        byTemplate.put(
            template,
            new Compiled(
                textFactory.compile(new StringReader((String) t.get("subject")), name + "/subject"),
                textFactory.compile(new StringReader((String) t.get("heading")), name + "/heading"),
                lines(name + "/lines", t.get("lines")),
                t.get("action") == null ? null : both(name + "/action", (String) t.get("action")),
                lines(name + "/after", t.get("after"))));
      }
      compiled.put(locale, byTemplate);
    }
  }

  public RenderedMail render(MailRequest request) {
    Compiled c = compiled.get(request.locale()).get(request.template());
    Map<String, Object> scope = new HashMap<>();
    scope.put("name", request.recipientName());
    scope.put("email", request.recipient());
    scope.put("productName", productName);
    scope.put("data", request.data());
    List<Map<String, String>> paragraphs = new ArrayList<>();
    for (Mustache[] line : c.lines()) {
      paragraphs.add(paragraph(line, scope));
    }
    for (String line : request.contentLines()) {
      paragraphs.add(Map.of("html", escape(line), "text", line));
    }
    List<Map<String, String>> after = new ArrayList<>();
    for (Mustache[] line : c.after()) {
      after.add(paragraph(line, scope));
    }
    String subject = oneLine(run(c.subject(), scope));
    Map<String, Object> model = new HashMap<>();
    model.put("subject", subject);
    model.put("heading", run(c.heading(), scope));
    model.put("greeting", paragraph(greetings.get(request.locale()), scope));
    model.put("paragraphs", paragraphs);
    model.put("after", after);
    model.put("hasAfter", !after.isEmpty());
    model.put("accent", request.template().accentColour());
    model.put("productName", productName);
    model.put("siteUrl", siteUrl);
    model.put("footer", footers.get(request.locale()));
    model.put("year", clock.instant().atZone(ZoneOffset.UTC).getYear());
    if (request.actionUrl() != null && c.action() != null) {
      model.put("action", Map.of("url", request.actionUrl(), "label", paragraph(c.action(), scope)));
    } else if (request.actionUrl() != null) {
      model.put("action", Map.of("url", request.actionUrl(), "label", Map.of("html", "", "text", "")));
    }
    return new RenderedMail(subject, run(htmlLayout, model), run(textLayout, model));
  }

  private Map<String, Object> load(ObjectMapper yaml, String locale) {
    String path = "templates/strings/" + locale + ".yml";
    try (InputStream in = MailRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the classpath");
      }
      return yaml.readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The same line compiled twice: escaping values for HTML, verbatim for text. */
  private Mustache[] both(String name, String source) {
    return new Mustache[] {
      htmlFactory.compile(new StringReader(source), name + ".html"),
      textFactory.compile(new StringReader(source), name + ".txt")
    };
  }

  private List<Mustache[]> lines(String name, Object source) {
    List<Mustache[]> out = new ArrayList<>();
    if (source instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(both(name + "/" + i, (String) list.get(i)));
      }
    }
    return out;
  }

  private static Map<String, String> paragraph(Mustache[] line, Map<String, Object> scope) {
    return Map.of("html", run(line[0], scope), "text", run(line[1], scope));
  }

  private static String run(Mustache mustache, Object scope) {
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /**
   * The five characters that matter in HTML text and quoted attributes. (Mustache's default escaper also
   * rewrites {@code =} and backticks, which mangles links that people and scripts copy from the mail.)
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String oneLine(String value) {
    return value.replaceAll("[\\r\\n]+", " ").strip();
  }
}
