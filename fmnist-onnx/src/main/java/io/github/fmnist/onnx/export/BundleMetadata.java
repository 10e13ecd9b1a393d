package io.github.fmnist.onnx.export;

import io.github.fmnist.api.bundle.BundleManifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The ONNX metadata properties recording where an exported bundle came from. */
final class BundleMetadata {
    private BundleMetadata() {
    }

    static Map<String, String> of(BundleManifest manifest) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("fmnist.provider.id", manifest.providerId());
        props.put("fmnist.provider.version", manifest.providerVersion());
        props.put("fmnist.bundle.fmnist_version", manifest.fmnistVersion());
        new TreeMap<>(manifest.hyperparameters()).forEach((k, v) -> props.put("fmnist.hyperparameter." + k, v));
        new TreeMap<>(manifest.metrics()).forEach((k, v) -> props.put("fmnist.metric." + k, Double.toString(v)));
        manifest.provenance().asText().forEach((k, v) -> props.put("fmnist.provenance." + k, v));
        return props;
    }
}
