package io.github.fmnist.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.export.OnnxExporter;
import java.util.Map;

/**
 * The main class of the JVMs {@link OnnxRuntimeNativesTest} starts: opens a small exported model and classifies
 * one image through fmnist ({@code fmnist}), or only starts ONNX Runtime by itself ({@code plain}).
 */
final class OpensOneModel {
    private OpensOneModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("plain")) {
            System.out.println("ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion());
            return;
        }
        byte[] model = OnnxExporter.toBytes(TestNetworks.residualCnn(21), Map.of());
        OnnxRuntimeOptions cpu = OnnxRuntimeOptions.defaults().withProvider(OnnxRuntimeOptions.ProviderPreference.CPU);
        try (OnnxClassifier classifier = OnnxClassifier.open(model, "one-model", cpu)) {
            float[][] probabilities = classifier.predictNormalized(TestNetworks.randomImages(1, 3));
            System.out.println("probabilities of " + probabilities[0].length + " classes");
        }
        System.out.println("native path " + System.getProperty(OnnxRuntimeNatives.NATIVE_PATH_PROPERTY));
    }
}
