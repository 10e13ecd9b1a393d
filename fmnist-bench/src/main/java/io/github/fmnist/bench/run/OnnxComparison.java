package io.github.fmnist.bench.run;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.Throughput;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.export.CalibrationMethod;
import io.github.fmnist.onnx.export.ExportOptions;
import io.github.fmnist.onnx.export.Int8Calibration;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a saved network bundle to ONNX with fmnist-onnx, float and int8, and runs both under ONNX Runtime on
 * the same test images, recording accuracy, agreement (float with the native model, int8 with float) and
 * throughput.
 */
final class OnnxComparison {
    /** Training images the int8 export is calibrated on (fewer if the run's training set is smaller). */
    static final int CALIBRATION_IMAGES = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(OnnxComparison.class);

    private final InferenceMeter meter;

    OnnxComparison(InferenceMeter meter) {
        this.meter = meter;
    }

    /**
     * @param nativeProbabilities the native model's probabilities on {@code test}
     * @param calibrationPool     the training images the int8 calibration sample is drawn from (stratified, {@code seed})
     * @param throughput          receives the ONNX Runtime measurements
     */
    OnnxCheck run(String modelId, Path bundle, Path onnxFile, Path outputDirectory, LabeledDataset test,
                  float[][] nativeProbabilities, LabeledDataset calibrationPool, long seed, List<Throughput> throughput)
            throws IOException {
        OnnxExporter.exportBundle(bundle, onnxFile);
        try (OnnxClassifier onnx = OnnxClassifier.open(onnxFile)) {
            InferenceMeter.Predicted predicted = meter.predictAll(onnx, test.images(), pad(modelId) + " onnx",
                    Throughput.ONNX_RUNTIME);
            List<Throughput> measured = new ArrayList<>();
            measured.add(predicted.throughput());
            measured.add(meter.singleImage(onnx, test.images(), Throughput.ONNX_RUNTIME));
            throughput.addAll(measured);
            Evaluation evaluation = Evaluation.of(test.labels(), predicted.probabilities());
            double maxDiff = 0;
            for (int i = 0; i < nativeProbabilities.length; i++) {
                for (int c = 0; c < nativeProbabilities[i].length; c++) {
                    maxDiff = Math.max(maxDiff, Math.abs(nativeProbabilities[i][c] - predicted.probabilities()[i][c]));
                }
            }
            Optional<OnnxCheck.Int8> int8 = int8(modelId, bundle, onnxFile, outputDirectory, test, predicted.probabilities(),
                    calibrationPool, seed, throughput);
            return new OnnxCheck(outputDirectory.relativize(onnxFile).toString(), Files.size(onnxFile),
                    onnx.executionProvider().toString(), evaluation.accuracy(), agreement(nativeProbabilities,
                    predicted.probabilities()), maxDiff, int8);
        }
    }

    /** The int8 export beside {@code onnxFile} ({@code <id>-int8.onnx}), or empty (logged) if it cannot be made. */
    private Optional<OnnxCheck.Int8> int8(String modelId, Path bundle, Path onnxFile, Path outputDirectory, LabeledDataset test,
                                          float[][] floatProbabilities, LabeledDataset calibrationPool, long seed,
                                          List<Throughput> throughput) throws IOException {
        Path file = onnxFile.resolveSibling(onnxFile.getFileName().toString().replaceFirst("\\.onnx$", "") + "-int8.onnx");
        LabeledDataset sample = StratifiedSample.sample(calibrationPool, Math.min(CALIBRATION_IMAGES, calibrationPool.size()), seed);
        CalibrationMethod method = CalibrationMethod.defaultMethod();
        try {
            OnnxExporter.exportBundle(bundle, file, ExportOptions.int8(new Int8Calibration(sample.images(), method, seed)));
        } catch (FmnistException e) {
            LOG.warn("{}: int8 ONNX export failed: {}", modelId, e.getMessage());
            return Optional.empty();
        }
        try (OnnxClassifier int8 = OnnxClassifier.open(file)) {
            InferenceMeter.Predicted predicted = meter.predictAll(int8, test.images(), pad(modelId) + " int8",
                    Throughput.ONNX_RUNTIME_INT8);
            throughput.add(predicted.throughput());
            throughput.add(meter.singleImage(int8, test.images(), Throughput.ONNX_RUNTIME_INT8));
            return Optional.of(new OnnxCheck.Int8(outputDirectory.relativize(file).toString(), Files.size(file),
                    Evaluation.of(test.labels(), predicted.probabilities()).accuracy(),
                    agreement(floatProbabilities, predicted.probabilities()), sample.size(), method.label()));
        }
    }

    private static double agreement(float[][] a, float[][] b) {
        int agree = 0;
        for (int i = 0; i < a.length; i++) {
            agree += Prediction.argmax(a[i]) == Prediction.argmax(b[i]) ? 1 : 0;
        }
        return (double) agree / a.length;
    }

    private static String pad(String id) {
        return String.format("%-8s", id);
    }
}
