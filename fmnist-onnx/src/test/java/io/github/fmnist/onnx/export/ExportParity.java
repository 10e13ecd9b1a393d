package io.github.fmnist.onnx.export;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a model plugin briefly on real data, saves it as a bundle, exports the bundle in one call and
 * compares ONNX Runtime's probabilities with the plugin's own on real test images.
 */
final class ExportParity {
    private static final long SEED = 123;

    private ExportParity() {
    }

    /** How far apart the two runtimes were. */
    record Result(String model, int images, double maxAbsDifference, double top1Agreement, double onnxAccuracy,
                  String onnxProviderId) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s parity on %d real test images: max |Δp| %.3g, top-1 agreement %.4f, accuracy %.4f",
                    model, images, maxAbsDifference, top1Agreement, onnxAccuracy);
        }
    }

    static Result check(FashionMnistData data, String model, Map<String, String> settings, int trainSize, int testSize, Path dir)
            throws Exception {
        ModelProvider provider = PluginRegistry.discover().requireModel(model);
        Hyperparameters h = provider.descriptor().defaults().withAll(settings);
        LabeledDataset train = StratifiedSample.sample(data.train(), trainSize, SEED);
        LabeledDataset test = data.test().slice(0, testSize);
        Path bundle = dir.resolve(model + ".fmnist");
        Path onnx = dir.resolve(model + ".onnx");

        try (Classifier original = provider.trainer(h).fit(TrainingRequest.of(train, SEED))) {
            ModelBundle.save(bundle, original);
        }
        return compare(bundle, test, onnx);
    }

    /** Exports {@code bundle} to {@code onnx} and compares the two runtimes on {@code test}. */
    static Result compare(Path bundle, LabeledDataset test, Path onnx) throws Exception {
        int testSize = test.size();
        float[] images = test.images().toNormalizedNchw();
        float[][] expected;
        String model;
        try (Classifier original = PluginRegistry.discover().loadClassifier(bundle)) {
            expected = original.predictNormalized(images);
            model = original.info().providerId();
        }
        OnnxExporter.exportBundle(bundle, onnx);
        float[][] actual;
        String recordedProvider;
        try (OnnxClassifier ort = OnnxClassifier.open(onnx, OnnxRuntimeOptions.defaults())) {
            actual = ort.predictNormalized(images);
            recordedProvider = ort.metadata().get("fmnist.provider.id");
        }
        double worst = 0;
        int sameTop1 = 0;
        int correct = 0;
        for (int i = 0; i < testSize; i++) {
            for (int j = 0; j < FashionClass.COUNT; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
            int top = Prediction.argmax(actual[i]);
            sameTop1 += top == Prediction.argmax(expected[i]) ? 1 : 0;
            correct += top == test.label(i) ? 1 : 0;
        }
        return new Result(model, testSize, worst, (double) sameTop1 / testSize, (double) correct / testSize, recordedProvider);
    }

    /**
     * Parity of saved bundles on all 10,000 test images, for figures quoted in READMEs (not a test): each argument is a
     * bundle; its ONNX file is written beside it.
     */
    public static void main(String[] args) throws Exception {
        FashionMnistData data = FashionMnist.load();
        for (String arg : args) {
            Path bundle = Path.of(arg);
            Path onnx = bundle.resolveSibling(bundle.getFileName().toString().replace(ModelBundle.EXTENSION, ".onnx"));
            System.out.println(bundle.getFileName() + ": " + compare(bundle, data.test(), onnx));
        }
    }
}
