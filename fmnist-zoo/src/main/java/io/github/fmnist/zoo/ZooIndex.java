package io.github.fmnist.zoo;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.file.PropertiesText;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The index of a zoo folder, {@value #FILE}: sorted {@code key=value} lines ({@link Properties} escaping) with, per
 * entry {@code ID}, keys {@code ID.description}, {@code ID.provider}, {@code ID.onnx.file|size|sha256},
 * {@code ID.bundle.file|size|sha256} (optional), {@code ID.provenance.*}, {@code ID.fmnist.version},
 * {@code ID.metric.*} and {@code ID.command}; {@code entries} lists the ids in order.
 */
public final class ZooIndex {
    /** The index file's name inside a zoo folder. */
    public static final String FILE = "zoo-index.properties";
    private static final int MAX_INDEX_BYTES = 1 << 20;

    private ZooIndex() {
    }

    /**
     * Reads the index of {@code resources}.
     *
     * @throws IncompatibleModelException if the index is missing, too large or lacks a key
     */
    public static List<ZooEntry> read(ZooResources resources) {
        String source = resources.describe(FILE);
        Properties p = new Properties();
        try (InputStream in = resources.open(FILE)) {
            byte[] bytes = in.readNBytes(MAX_INDEX_BYTES + 1);
            if (bytes.length > MAX_INDEX_BYTES) {
                throw new IncompatibleModelException(source + ": zoo index larger than " + MAX_INDEX_BYTES + " bytes");
            }
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IncompatibleModelException(source + ": unreadable zoo index: " + e.getMessage(), e);
        }
        List<ZooEntry> entries = new ArrayList<>();
        for (String id : required(p, "entries", source).split(",")) {
            if (!id.isBlank()) {
                entries.add(entry(p, id.trim(), resources, source));
            }
        }
        return List.copyOf(entries);
    }

    /** The index text for {@code entries}, as {@link #read} reads it. */
    public static String format(List<ZooEntry> entries) {
        Map<String, String> kv = new TreeMap<>();
        kv.put("entries", String.join(",", entries.stream().map(ZooEntry::id).toList()));
        for (ZooEntry e : entries) {
            String k = e.id() + ".";
            kv.put(k + "description", e.description());
            kv.put(k + "provider", e.providerId());
            file(kv, k + "onnx.", e.onnx());
            e.bundleFile().ifPresent(b -> file(kv, k + "bundle.", b));
            e.provenance().asText().forEach((key, value) -> kv.put(k + "provenance." + key, value));
            kv.put(k + "fmnist.version", e.fmnistVersion());
            ZooMetrics m = e.metrics();
            kv.put(k + "metric.test.images", Integer.toString(m.testImages()));
            kv.put(k + "metric.test.correct", Integer.toString(m.correct()));
            kv.put(k + "metric.test.accuracy", Double.toString(m.accuracy()));
            kv.put(k + "metric.test.macro_f1", Double.toString(m.macroF1()));
            kv.put(k + "metric.test.log_loss", Double.toString(m.logLoss()));
            for (int c = 0; c < FashionClass.COUNT; c++) {
                kv.put(k + "metric.test.f1." + c, Double.toString(m.classF1().get(c)));
            }
            kv.put(k + "command", e.command());
        }
        return PropertiesText.write("fmnist zoo index: what each model is, its files' SHA-256s, provenance and test figures", kv);
    }

    private static void file(Map<String, String> kv, String prefix, ZooFile f) {
        kv.put(prefix + "file", f.name());
        kv.put(prefix + "size", Long.toString(f.size()));
        kv.put(prefix + "sha256", f.sha256());
    }

    private static ZooEntry entry(Properties p, String id, ZooResources resources, String source) {
        String k = id + ".";
        ZooFile onnx = file(p, k + "onnx.", source);
        ZooFile bundle = p.containsKey(k + "bundle.file") ? file(p, k + "bundle.", source) : null;
        Map<String, String> dataset = new TreeMap<>();
        String datasetPrefix = k + "provenance.dataset.";
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(datasetPrefix)) {
                dataset.put(key.substring(datasetPrefix.length()), p.getProperty(key));
            }
        }
        Instant created;
        try {
            created = Instant.parse(required(p, k + "provenance.created", source));
        } catch (DateTimeParseException e) {
            throw new IncompatibleModelException(source + ": " + k + "provenance.created is not an ISO-8601 instant");
        }
        Provenance provenance = new Provenance(dataset, number(p, k + "provenance.seed", source),
                required(p, k + "provenance.split", source), (int) number(p, k + "provenance.epochs", source),
                (int) number(p, k + "provenance.threads", source), created,
                p.getProperty(k + "provenance.java", ""), p.getProperty(k + "provenance.os", ""));
        List<Double> classF1 = new ArrayList<>();
        for (int c = 0; c < FashionClass.COUNT; c++) {
            classF1.add(decimal(p, k + "metric.test.f1." + c, source));
        }
        ZooMetrics metrics = new ZooMetrics((int) number(p, k + "metric.test.images", source),
                (int) number(p, k + "metric.test.correct", source), decimal(p, k + "metric.test.accuracy", source),
                decimal(p, k + "metric.test.macro_f1", source), decimal(p, k + "metric.test.log_loss", source), classF1);
        try {
            return new ZooEntry(id, required(p, k + "description", source), required(p, k + "provider", source), onnx,
                    bundle, provenance, required(p, k + "fmnist.version", source), metrics,
                    required(p, k + "command", source), resources);
        } catch (IllegalArgumentException e) {
            throw new IncompatibleModelException(source + ": entry '" + id + "': " + e.getMessage(), e);
        }
    }

    private static ZooFile file(Properties p, String prefix, String source) {
        try {
            return new ZooFile(required(p, prefix + "file", source), number(p, prefix + "size", source),
                    required(p, prefix + "sha256", source));
        } catch (IllegalArgumentException e) {
            throw new IncompatibleModelException(source + ": " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IncompatibleModelException(source + ": zoo index lacks key '" + key + "'");
        }
        return v;
    }

    private static long number(Properties p, String key, String source) {
        String v = required(p, key, source);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IncompatibleModelException(source + ": zoo index key '" + key + "' is not a whole number: '" + v + "'");
        }
    }

    private static double decimal(Properties p, String key, String source) {
        String v = required(p, key, source);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IncompatibleModelException(source + ": zoo index key '" + key + "' is not a number: '" + v + "'");
        }
    }
}
