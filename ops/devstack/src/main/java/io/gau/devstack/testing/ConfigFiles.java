package io.gau.devstack.testing;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookupFactory;

/**
 * Loads and validates a service's YAML exactly as Dropwizard does at start (strict {@code ${VAR}}
 * substitution, unknown keys rejected, Bean Validation), with an explicit environment instead of the
 * process's — so tests can prove that every file in {@code config/} starts and that a missing setting is named.
 */
public final class ConfigFiles {
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  private ConfigFiles() {}

  /** The repository root (Failsafe/Surefire run in the module folder; {@code gau.root} is set by the build). */
  public static Path root() {
    return Path.of(System.getProperty("gau.root", "..")).toAbsolutePath().normalize();
  }

  /** Parses and validates {@code file} with the given environment; throws naming the bad setting. */
  public static <C> C load(Class<C> type, Path file, Map<String, String> env)
      throws IOException, ConfigurationException {
    StringSubstitutor substitutor = new StringSubstitutor(StringLookupFactory.INSTANCE.mapStringLookup(env));
    substitutor.setEnableUndefinedVariableException(true);
    substitutor.setValueDelimiter(":-");
    String text = substitutor.replace(Files.readString(file));
    YamlConfigurationFactory<C> factory =
        new YamlConfigurationFactory<>(type, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw");
    return factory.build(
        path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file.toString());
  }

  /** The local-stack file {@code config/local/<service>.yml} with no environment at all (every value defaulted). */
  public static <C> C loadLocal(Class<C> type, String service) throws IOException, ConfigurationException {
    return load(type, root().resolve("config/local/" + service + ".yml"), Map.of());
  }

  /** The production file {@code config/<service>.yml} with a plausible value for every required variable. */
  public static <C> C loadProduction(Class<C> type, String service) throws IOException, ConfigurationException {
    Path file = root().resolve("config/" + service + ".yml");
    return load(type, file, plausibleEnvironment(file));
  }

  /**
   * The checks every service runs on its two files: the local file loads with no environment, the
   * production file loads with every required variable set, and leaving out any one of them fails with
   * a message that names it.
   */
  public static <C> void verifyBothFiles(Class<C> type, String service) throws Exception {
    loadLocal(type, service);
    loadProduction(type, service);
    Path production = root().resolve("config/" + service + ".yml");
    Map<String, String> env = plausibleEnvironment(production);
    for (String variable : env.keySet()) {
      Map<String, String> missingOne = new LinkedHashMap<>(env);
      missingOne.remove(variable);
      try {
        load(type, production, missingOne);
        throw new AssertionError(production + " started without " + variable);
      } catch (IllegalArgumentException e) {
        if (!String.valueOf(e.getMessage()).contains(variable)) {
          throw new AssertionError("the error for a missing " + variable + " does not name it: " + e.getMessage(), e);
        }
      }
    }
  }

  /** Every variable the file requires (written {@code ${NAME}} without a default), with a value of the right shape. */
  public static Map<String, String> plausibleEnvironment(Path file) {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      Matcher m = REQUIRED_VARIABLE.matcher(Files.readString(file));
      while (m.find()) {
        env.put(m.group(1), plausibleValue(m.group(1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return env;
  }

  private static String plausibleValue(String name) {
    if (name.equals("DB_URL")) {
      return "jdbc:postgresql://pgpool:5432/gau";
    }
    if (name.startsWith("AMQP")) {
      return "amqps://gau:secret@rabbitmq:5671/gau";
    }
    if (name.endsWith("_URL") || name.endsWith("_URI") || name.endsWith("ENDPOINT")) {
      return "https://service.example.com";
    }
    if (name.endsWith("_PORT")) {
      return "6379";
    }
    if (name.endsWith("_HOST")) {
      return "service.example.com";
    }
    return "production-value-long-enough-for-any-secret-0123456789";
  }
}
