package io.github.fmnist.onnx.runtime;

import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code onnx} model plugin: runs ONNX models with ONNX Runtime. It cannot train; make a model with a
 * trainable plugin (for example {@code cnn}), export it with
 * {@link io.github.fmnist.onnx.export.OnnxExporter}, and open the {@code .onnx} file with
 * {@link OnnxClassifier#open} or save that classifier as a bundle.
 */
public final class OnnxModelProvider implements ModelProvider {
    /** The provider id. */
    public static final String ID = "onnx";
    static final String VERSION = FmnistVersion.current();

    /** Threads one inference may use; 0 lets ONNX Runtime choose. Default 1: concurrent callers scale better. */
    public static final Hyperparameter<Integer> INTRA_OP_THREADS = Hyperparameter.ofInt("intra-op-threads", 1, 0, 1024,
            "threads one inference may use (0 = one per physical core)");
    /** Execution provider preference: {@code auto} (CUDA when usable), {@code cpu} or {@code cuda}. */
    public static final Hyperparameter<String> EXECUTION_PROVIDER = Hyperparameter.ofChoice("execution-provider", "auto",
            List.of("auto", "cpu", "cuda"), "ONNX Runtime execution provider; CUDA falls back to CPU when unusable");
    /** CUDA device index. */
    public static final Hyperparameter<Integer> CUDA_DEVICE = Hyperparameter.ofInt("cuda-device", 0, 0, 64,
            "CUDA device index when CUDA is used");

    static final Hyperparameters DEFAULTS = Hyperparameters.defaults(List.of(INTRA_OP_THREADS, EXECUTION_PROVIDER, CUDA_DEVICE));

    private static final ModelDescriptor DESCRIPTOR = descriptor(DEFAULTS);

    private static ModelDescriptor descriptor(Hyperparameters defaults) {
        Map<String, Hyperparameters> presets = new LinkedHashMap<>();
        presets.put(ModelDescriptor.DEFAULT_PRESET, defaults);
        presets.put("cpu", defaults.with(EXECUTION_PROVIDER, "cpu"));
        return new ModelDescriptor(ID, "ONNX Runtime", "runtime", VERSION,
                "Runs an exported ONNX network (input image [N,1,28,28], output probabilities [N,10]) with ONNX Runtime, "
                        + "on CUDA when available and the CPU otherwise. Loads models; does not train.",
                false, presets);
    }

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public OnnxModelProvider() {
    }

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws UnsupportedFeatureException always: this provider only runs exported models */
    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        throw new UnsupportedFeatureException("model '" + ID + "' only runs exported ONNX models and cannot train; "
                + "train a network model (e.g. 'cnn') and export it with OnnxExporter");
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(ID);
        Hyperparameters hyperparameters = DEFAULTS;
        for (Map.Entry<String, String> e : bundle.manifest().hyperparameters().entrySet()) {
            if (DEFAULTS.asText().containsKey(e.getKey())) {
                hyperparameters = hyperparameters.with(e.getKey(), e.getValue());
            }
        }
        return OnnxClassifier.open(bundle.readAllBytes(OnnxClassifier.PAYLOAD_ENTRY),
                bundle.path() + "!" + OnnxClassifier.PAYLOAD_ENTRY, OnnxRuntimeOptions.fromHyperparameters(hyperparameters));
    }
}
