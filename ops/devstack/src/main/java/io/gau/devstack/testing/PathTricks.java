package io.gau.devstack.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spellings of a route's path that some router may read as the route while a check on the path does not:
 * matrix parameters, encoded separators and dots (upper- and lower-case escapes), a literal backslash, dot
 * segments, empty segments, a trailing slash and a change of case, each applied at every segment.
 */
public final class PathTricks {
    private PathTricks() {}

    /** Every variant of {@code path} (a canonical path such as {@code /api/v2/upload/image}, no query). */
    public static List<String> of(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            for (String suffix : List.of(";x=1", ";", ";X=1", "%3Bx=1", "%3bx=1", "%5C", "%5c", "\\", "%2F", "%2f",
                    "%2E", "%2e", "%00")) {
                out.add(replace(segments, i, s + suffix));
            }
            for (String before : List.of("./", "%2e/", "%2E/", "x/../", "x/%2e%2e/", "x/%2E%2E/", "/", "x%2F..%2F",
                    "x%2f..%2f", "x%5C..%5C")) {
                out.add(replace(segments, i, before + s));
            }
            if (i > 0) {
                out.add(join(segments, i, "%2F"));
                out.add(join(segments, i, "%2f"));
                out.add(join(segments, i, "%5C"));
                out.add(join(segments, i, "\\"));
            }
            out.add(replace(segments, i, s.toUpperCase(Locale.ROOT)));
        }
        out.add(path + "/");
        out.add(path + "/.");
        out.add(path + "//");
        out.remove(path);
        return new ArrayList<>(out);
    }

    private static String replace(String[] segments, int index, String with) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append('/').append(i == index ? with : segments[i]);
        }
        return b.toString();
    }

    /** The path with the separator before segment {@code index} spelled {@code separator}. */
    private static String join(String[] segments, int index, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append(i == 0 ? "/" : i == index ? separator : "/").append(segments[i]);
        }
        return b.toString();
    }
}
