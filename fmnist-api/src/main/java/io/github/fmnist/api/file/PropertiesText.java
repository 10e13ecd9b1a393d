package io.github.fmnist.api.file;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code key=value} lines that {@link Properties#load(java.io.Reader)} reads back, in the map's order and
 * without the date comment {@link Properties#store} adds, so the same content always gives the same bytes.
 */
public final class PropertiesText {
    private PropertiesText() {
    }

    /**
     * The text of {@code entries}, one escaped line each, after a {@code #} comment line.
     *
     * @param comment the first line's text, without the {@code #}; must not contain a line break
     * @param entries the lines, in the order to write them (pass a sorted map for a stable file)
     * @return the text, every line ending in {@code \n}
     */
    public static String write(String comment, Map<String, String> entries) {
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a comment is one line: '" + comment + "'");
        }
        StringBuilder out = new StringBuilder("# ").append(comment).append('\n');
        entries.forEach((key, value) -> out.append(line(key, value)));
        return out.toString();
    }

    private static String line(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stored = w.toString();
        return stored.substring(stored.indexOf('\n') + 1); // without the date comment
    }
}
