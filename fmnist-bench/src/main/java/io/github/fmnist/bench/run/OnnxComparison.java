package io.github.fmnist.bench.run;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.Throughput;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a saved network bundle to ONNX with fmnist-onnx and runs it under ONNX Runtime on the same test
 * images, recording accuracy, agreement with the native model and throughput.
 */
final class OnnxComparison {
    private final InferenceMeter meter;

    OnnxComparison(InferenceMeter meter) {
        this.meter = meter;
    }

    /**
     * @param nativeProbabilities the native model's probabilities on {@code test}
     * @param throughput          receives the ONNX Runtime measurements
     */
    OnnxCheck run(String modelId, Path bundle, Path onnxFile, Path outputDirectory, LabeledDataset test,
                  float[][] nativeProbabilities, List<Throughput> throughput) throws IOException {
        OnnxExporter.exportBundle(bundle, onnxFile);
        try (OnnxClassifier onnx = OnnxClassifier.open(onnxFile)) {
            InferenceMeter.Predicted predicted = meter.predictAll(onnx, test.images(), pad(modelId) + " onnx",
                    Throughput.ONNX_RUNTIME);
            List<Throughput> measured = new ArrayList<>();
            measured.add(predicted.throughput());
            measured.add(meter.singleImage(onnx, test.images(), Throughput.ONNX_RUNTIME));
            throughput.addAll(measured);
            Evaluation evaluation = Evaluation.of(test.labels(), predicted.probabilities());
            int agree = 0;
            double maxDiff = 0;
            for (int i = 0; i < nativeProbabilities.length; i++) {
                float[] a = nativeProbabilities[i];
                float[] b = predicted.probabilities()[i];
                if (Prediction.argmax(a) == Prediction.argmax(b)) {
                    agree++;
                }
                for (int c = 0; c < a.length; c++) {
                    maxDiff = Math.max(maxDiff, Math.abs(a[c] - b[c]));
                }
            }
            return new OnnxCheck(outputDirectory.relativize(onnxFile).toString(), Files.size(onnxFile),
                    onnx.executionProvider().toString(), evaluation.accuracy(), (double) agree / nativeProbabilities.length,
                    maxDiff);
        }
    }

    private static String pad(String id) {
        return String.format("%-8s", id);
    }
}
