package io.github.fmnist.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as indented JSON. Map order is kept, so the
 * same tree always gives the same text. Non-finite numbers become {@code null}, as JSON has no NaN.
 */
public final class Json {
    private Json() {
    }

    /** The tree as pretty-printed JSON with a trailing newline. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        write(out, tree, 0, true);
        return out.append('\n').toString();
    }

    /** The tree as compact JSON (for embedding in HTML). */
    public static String compact(Object tree) {
        StringBuilder out = new StringBuilder();
        write(out, tree, 0, false);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth, boolean pretty) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Double d -> number(out, d);
            case Float f -> number(out, f.doubleValue());
            case Map<?, ?> map -> object(out, map, depth, pretty);
            case List<?> list -> array(out, list, depth, pretty);
            case int[] ints -> array(out, java.util.Arrays.stream(ints).boxed().toList(), depth, pretty);
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth, boolean pretty) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            newline(out, depth + 1, pretty);
            string(out, String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            write(out, e.getValue(), depth + 1, pretty);
        }
        newline(out, depth, pretty);
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list, int depth, boolean pretty) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean flat = list.stream().allMatch(v -> v == null || v instanceof Number || v instanceof Boolean);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : flat && pretty ? ", " : ",");
            if (!flat) {
                newline(out, depth + 1, pretty);
            }
            write(out, list.get(i), depth + 1, pretty);
        }
        if (!flat) {
            newline(out, depth, pretty);
        }
        out.append(']');
    }

    private static void newline(StringBuilder out, int depth, boolean pretty) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private static void number(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append(String.format(Locale.ROOT, "%.1f", d));
        } else {
            out.append(Double.toString(d));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Keeps "</script>" and "<!--" harmless when the JSON is embedded in HTML.
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
