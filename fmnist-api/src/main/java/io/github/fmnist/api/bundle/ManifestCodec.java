package io.github.fmnist.api.bundle;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.file.PropertiesText;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads and writes the manifest as sorted {@code key=value} lines (java.util.Properties escaping, no date comment). */
final class ManifestCodec {
    private static final String HYPERPARAMETER = "hyperparameter.";
    private static final String METRIC = "metric.";
    private static final String PROVENANCE = "provenance.";
    private static final String DATASET = PROVENANCE + "dataset.";
    private static final String PAYLOAD = "payload.";

    private ManifestCodec() {
    }

    static String write(BundleManifest m) {
        Map<String, String> kv = new TreeMap<>();
        kv.put("format.version", Integer.toString(m.formatVersion()));
        kv.put("provider.id", m.providerId());
        kv.put("provider.version", m.providerVersion());
        kv.put("fmnist.version", m.fmnistVersion());
        m.hyperparameters().forEach((k, v) -> kv.put(HYPERPARAMETER + k, v));
        m.metrics().forEach((k, v) -> kv.put(METRIC + k, Double.toString(v)));
        m.provenance().asText().forEach((k, v) -> kv.put(PROVENANCE + k, v));
        for (PayloadEntry e : m.payload()) {
            kv.put(PAYLOAD + e.name() + ".size", Long.toString(e.size()));
            kv.put(PAYLOAD + e.name() + ".sha256", e.sha256());
        }
        return PropertiesText.write("fmnist model bundle manifest", kv);
    }

    /** Reads the format version only, so an unknown format is rejected before anything else is interpreted. */
    static int formatVersion(Properties p, String source) {
        String v = p.getProperty("format.version");
        if (v == null) {
            throw new IncompatibleModelException(source + ": not an fmnist model bundle (manifest has no format.version)");
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IncompatibleModelException(source + ": manifest format.version is not a number: '" + v + "'");
        }
    }

    static Properties parse(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IncompatibleModelException(source + ": unreadable manifest: " + e.getMessage(), e);
        }
        return p;
    }

    static BundleManifest read(Properties p, String source) {
        Map<String, String> hyper = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> dataset = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (String key : new TreeMap<>(toMap(p)).keySet()) {
            String value = p.getProperty(key);
            if (key.startsWith(HYPERPARAMETER)) {
                hyper.put(key.substring(HYPERPARAMETER.length()), value);
            } else if (key.startsWith(METRIC)) {
                metrics.put(key.substring(METRIC.length()), number(value, key, source));
            } else if (key.startsWith(DATASET)) {
                dataset.put(key.substring(DATASET.length()), value);
            } else if (key.startsWith(PAYLOAD) && key.endsWith(".size")) {
                sizes.put(key.substring(PAYLOAD.length(), key.length() - ".size".length()), (long) number(value, key, source));
            } else if (key.startsWith(PAYLOAD) && key.endsWith(".sha256")) {
                digests.put(key.substring(PAYLOAD.length(), key.length() - ".sha256".length()), value);
            }
        }
        if (!sizes.keySet().equals(digests.keySet())) {
            throw new IncompatibleModelException(source + ": manifest payload sizes " + sizes.keySet()
                    + " and checksums " + digests.keySet() + " name different entries");
        }
        List<PayloadEntry> payload = new ArrayList<>();
        sizes.forEach((name, size) -> payload.add(new PayloadEntry(name, size, digests.get(name))));
        Instant created;
        try {
            created = Instant.parse(required(p, "provenance.created", source));
        } catch (DateTimeParseException e) {
            throw new IncompatibleModelException(source + ": manifest provenance.created is not an ISO-8601 instant");
        }
        Provenance provenance = new Provenance(dataset, (long) number(required(p, "provenance.seed", source), "provenance.seed", source),
                p.getProperty("provenance.split", ""), (int) number(p.getProperty("provenance.epochs", "0"), "provenance.epochs", source),
                (int) number(p.getProperty("provenance.threads", "0"), "provenance.threads", source), created, p.getProperty("provenance.java", ""), p.getProperty("provenance.os", ""));
        return new BundleManifest(formatVersion(p, source), required(p, "provider.id", source),
                required(p, "provider.version", source), required(p, "fmnist.version", source),
                hyper, provenance, metrics, payload);
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            m.put(name, p.getProperty(name));
        }
        return m;
    }

    private static String required(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IncompatibleModelException(source + ": manifest lacks required key '" + key + "'");
        }
        return v;
    }

    private static double number(String value, String key, String source) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IncompatibleModelException(source + ": manifest key '" + key + "' is not a number: '" + value + "'");
        }
    }
}
