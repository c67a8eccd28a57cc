package io.gau.shared.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.gau.shared.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The callers an internal service answers, each named and each with its own key(s), read from the
 * {@code internalCallers} map of the service's YAML:
 *
 * <pre>
 * internalCallers:
 *   account: ["${CALLER_KEY_ACCOUNT}", "${CALLER_KEY_ACCOUNT_ROTATING:-}"]
 *   kanban: ${CALLER_KEY_KANBAN:-}
 * </pre>
 *
 * A value is one key or a list of at most two (the second one is accepted while a key is being rotated);
 * empty entries are dropped, so a caller whose variables are unset is simply disabled. Keys are held only as
 * SHA-256 digests and compared with {@link MessageDigest#isEqual}, so neither the content nor the length of
 * a key leaks through timing. A key serves one caller only: a request is attributed to exactly one name.
 */
public final class InternalCallers {
  /** The header internal callers send their key in. */
  public static final String HEADER = "Private-Key";
  /** A shorter key is refused at start: 32 bytes is the floor for a key nobody can guess. */
  public static final int MIN_KEY_BYTES = 32;
  /** The current key and, during a rotation, the one beside it. */
  public static final int MAX_KEYS_PER_CALLER = 2;
  // caller names appear in logs and metric names: keep them plain
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private record Entry(String caller, byte[] digest) {}

  private final List<Entry> entries;
  private final Map<String, Integer> keysPerCaller;

  private InternalCallers(List<Entry> entries, Map<String, Integer> keysPerCaller) {
    this.entries = List.copyOf(entries);
    this.keysPerCaller = Collections.unmodifiableMap(new LinkedHashMap<>(keysPerCaller));
  }

  /**
   * From the YAML map: each value a key, a list of keys, or empty/null (caller disabled).
   *
   * @throws IllegalArgumentException naming the caller when a name or key is unusable, or no caller has a key
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static InternalCallers fromConfig(Map<String, Object> config) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    (config == null ? Map.<String, Object>of() : config).forEach((name, value) -> {
      List<String> list = new ArrayList<>();
      if (value instanceof List<?> values) {
        values.forEach(v -> list.add(v == null ? "" : v.toString()));
      } else if (value != null) {
        list.add(value.toString());
      }
      keys.put(name, list);
    });
    return of(keys);
  }

  /** From caller names to their keys (blank keys are dropped). */
  public static InternalCallers of(Map<String, List<String>> keys) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    keys.forEach((name, list) -> {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "internalCallers: caller name '" + name + "' must be lower-case letters, digits and '-'");
      }
      List<String> usable = list.stream().filter(k -> k != null && !k.isBlank()).toList();
      if (usable.size() > MAX_KEYS_PER_CALLER) {
        throw new IllegalArgumentException(
            "internalCallers." + name + ": at most " + MAX_KEYS_PER_CALLER + " keys (the current one and one being rotated)");
      }
      for (String key : usable) {
        if (key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
          throw new IllegalArgumentException(
              "internalCallers." + name + ": every key must be at least " + MIN_KEY_BYTES + " bytes long");
        }
        byte[] digest = Sha256.of(key);
        for (Entry other : entries) {
          if (MessageDigest.isEqual(other.digest(), digest)) {
            throw new IllegalArgumentException("internalCallers." + name + ": a key is also a key of "
                + other.caller() + "; every caller needs keys of its own");
          }
        }
        entries.add(new Entry(name, digest));
      }
      counts.put(name, usable.size());
    });
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("internalCallers: no caller has a key, so nothing could call this service");
    }
    return new InternalCallers(entries, counts);
  }

  /** The caller whose key this is, checked against every key so the time taken does not depend on which one. */
  public Optional<String> identify(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    byte[] digest = Sha256.of(presented);
    String caller = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.digest(), digest) && caller == null) {
        caller = entry.caller();
      }
    }
    return Optional.ofNullable(caller);
  }

  /** Number of usable keys per configured caller (0 = disabled), for the start-up log line. */
  public Map<String, Integer> keysPerCaller() {
    return keysPerCaller;
  }

  @Override
  public String toString() {
    // never the keys
    return "InternalCallers" + keysPerCaller;
  }
}
