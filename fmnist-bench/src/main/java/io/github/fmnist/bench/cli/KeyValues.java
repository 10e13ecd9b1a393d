package io.github.fmnist.bench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --set} values. */
final class KeyValues {
    private KeyValues() {
    }

    /** {@code NAME=VALUE} items as a map, in order. */
    static Map<String, String> parse(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("expected NAME=VALUE, found '" + item + "'");
            }
            out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return out;
    }

    /** {@code MODEL.NAME=VALUE} items grouped by model id. */
    static Map<String, Map<String, String>> parsePerModel(List<String> items) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parse(items).entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            if (dot <= 0 || dot == e.getKey().length() - 1) {
                throw new UsageException("expected MODEL.NAME=VALUE (e.g. cnn.epochs=5), found '" + e.getKey() + "=" + e.getValue() + "'");
            }
            out.computeIfAbsent(e.getKey().substring(0, dot), k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
        }
        return out;
    }
}
