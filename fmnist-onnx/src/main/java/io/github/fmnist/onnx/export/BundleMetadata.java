package io.github.fmnist.onnx.export;

import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.Provenance;
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
        Provenance p = manifest.provenance();
        p.datasetSha256().forEach((file, sha) -> props.put("fmnist.provenance.dataset." + file, sha));
        props.put("fmnist.provenance.seed", Long.toString(p.seed()));
        props.put("fmnist.provenance.split", p.split());
        props.put("fmnist.provenance.epochs", Integer.toString(p.epochs()));
        props.put("fmnist.provenance.created", p.createdAt().toString());
        props.put("fmnist.provenance.java", p.java());
        props.put("fmnist.provenance.os", p.os());
        return props;
    }
}
