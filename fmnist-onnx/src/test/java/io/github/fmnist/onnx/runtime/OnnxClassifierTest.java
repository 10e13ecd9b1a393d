package io.github.fmnist.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.onnx.TestModels;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.testkit.ReferenceNetwork;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxClassifierTest {
    private static final NetworkDescription NETWORK = TestNetworks.residualCnn(21);
    private static final OnnxRuntimeOptions CPU = OnnxRuntimeOptions.defaults().withProvider(OnnxRuntimeOptions.ProviderPreference.CPU);
    private static byte[] model;
    private static OnnxClassifier classifier;

    @BeforeAll
    static void export() {
        model = OnnxExporter.toBytes(NETWORK, Map.of());
        classifier = OnnxClassifier.open(model, "residual-cnn", CPU);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void batchesLargerThanOneRunMatchTheReferenceForwardPass() {
        int n = OnnxClassifier.MAX_RUN_BATCH + 45;
        float[] images = TestNetworks.randomImages(n, 5);

        float[][] actual = classifier.predictNormalized(images);

        double[][] expected = ReferenceNetwork.of(NETWORK).probabilities(images);
        assertEquals(n, actual.length);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FashionClass.COUNT; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        assertTrue(worst <= 1e-5, "max |Δp| " + worst);
    }

    @Test
    void concurrentCallsReturnWhatSequentialCallsReturn() throws Exception {
        float[] images = TestNetworks.randomImages(64, 6);
        float[][] sequential = classifier.predictNormalized(images);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int size = 1 + 9 * t;
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int round = 0; round < 20; round++) {
                        int start = (round * 7) % (64 - size + 1);
                        float[] slice = java.util.Arrays.copyOfRange(images, start * Image.PIXELS, (start + size) * Image.PIXELS);
                        float[][] got = classifier.predictNormalized(slice);
                        for (int i = 0; i < size; i++) {
                            same &= java.util.Arrays.equals(sequential[start + i], got[i]);
                        }
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(), "a concurrent prediction differed from the sequential one");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictionsThroughTheApiDefaults() {
        ImageBatch batch = ImageBatch.of(List.of(Image.fromNormalized(java.util.Arrays.copyOf(TestNetworks.randomImages(1, 7), Image.PIXELS)),
                Image.fromNormalized(java.util.Arrays.copyOf(TestNetworks.randomImages(1, 8), Image.PIXELS))));
        List<Prediction> predictions = classifier.predict(batch);
        assertEquals(2, predictions.size());
        float sum = 0;
        for (float p : predictions.get(0).probabilities()) {
            sum += p;
        }
        assertEquals(1f, sum, 1e-5f);
        assertEquals(predictions.get(1), classifier.predict(batch.get(1)));
    }

    @Test
    void exportedMetadataIsReadable() {
        assertTrue(classifier.metadata().get(OnnxExporter.CLASS_NAMES_KEY).contains("Ankle boot"));
        assertEquals(ExecutionProvider.CPU, classifier.executionProvider());
    }

    @Test
    void badInputLengthIsATypedError() {
        assertThrows(InvalidInputException.class, () -> classifier.predictNormalized(new float[Image.PIXELS + 1]));
        assertThrows(InvalidInputException.class, () -> classifier.predictNormalized(new float[0]));
    }

    @Test
    void aClosedClassifierRefusesToPredict() {
        OnnxClassifier c = OnnxClassifier.open(model, "closing", CPU);
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.predictNormalized(new float[Image.PIXELS]));
    }

    @Test
    void wrongInputShapeIsIncompatible() {
        byte[] odd = TestModels.singleOp("Identity", "image", new long[] {-1, 1, 32, 32}, "probabilities", new long[] {-1, 1, 32, 32});
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(odd, "odd.onnx", CPU));
        assertTrue(e.getMessage().contains("odd.onnx") && e.getMessage().contains("[N, 1, 28, 28]")
                && e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void wrongInputNameIsIncompatible() {
        byte[] odd = TestModels.singleOp("Identity", "input", new long[] {-1, 1, 28, 28}, "probabilities", new long[] {-1, 1, 28, 28});
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(odd, "odd.onnx", CPU));
        assertTrue(e.getMessage().contains("'image'") && e.getMessage().contains("input"), e.getMessage());
    }

    @Test
    void fixedBatchIsIncompatible() {
        byte[] odd = TestModels.singleOp("Identity", "image", new long[] {1, 1, 28, 28}, "probabilities", new long[] {1, 1, 28, 28});
        assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(odd, "odd.onnx", CPU));
    }

    @Test
    void missingOrMisshapenProbabilitiesAreIncompatible() {
        byte[] noOutput = TestModels.singleOp("Identity", "image", new long[] {-1, 1, 28, 28}, "scores", new long[] {-1, 1, 28, 28});
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(noOutput, "a.onnx", CPU));
        assertTrue(e.getMessage().contains("'probabilities'") && e.getMessage().contains("scores"), e.getMessage());
        byte[] wide = TestModels.singleOp("Flatten", "image", new long[] {-1, 1, 28, 28}, "probabilities", new long[] {-1, 784});
        e = assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(wide, "b.onnx", CPU));
        assertTrue(e.getMessage().contains("[N, 10]") && e.getMessage().contains("784"), e.getMessage());
    }

    @Test
    void bytesThatAreNotAModelAreIncompatible(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.onnx");
        Files.writeString(file, "this is not protobuf");
        assertThrows(IncompatibleModelException.class, () -> OnnxClassifier.open(file, CPU));
    }

    @Test
    void openFromFileMatchesOpenFromBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cnn.onnx");
        OnnxExporter.export(NETWORK, file);
        float[] images = TestNetworks.randomImages(3, 9);
        try (OnnxClassifier fromFile = OnnxClassifier.open(file, CPU.withIntraOpThreads(2))) {
            assertArrayEquals(classifier.predictNormalized(images), fromFile.predictNormalized(images));
            assertEquals("2", fromFile.info().hyperparameters().asText().get("intra-op-threads"));
        }
    }

    @Test
    void bundleRoundTripsThroughTheRegistry(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("cnn-onnx.fmnist");
        try (OnnxClassifier c = OnnxClassifier.open(model, "residual-cnn", CPU.withIntraOpThreads(2))) {
            ModelBundle.save(bundle, c);
        }
        float[] images = TestNetworks.randomImages(5, 10);
        try (Classifier loaded = PluginRegistry.discover().loadClassifier(bundle)) {
            OnnxClassifier onnx = assertInstanceOf(OnnxClassifier.class, loaded);
            assertEquals(OnnxModelProvider.ID, onnx.info().providerId());
            assertEquals("2", onnx.info().hyperparameters().asText().get("intra-op-threads"));
            assertArrayEquals(model, onnx.modelBytes());
            assertArrayEquals(classifier.predictNormalized(images), onnx.predictNormalized(images));
        }
    }

    @Test
    void loadRefusesAnotherProvidersBundle(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("centroid.fmnist");
        Classifier centroid = NearestCentroidProvider.train(SyntheticFashion.dataset(50, 3L));
        ModelBundle.save(bundle, centroid);
        ModelBundle read = ModelBundle.read(bundle);
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> new OnnxModelProvider().load(read));
        assertTrue(e.getMessage().contains(NearestCentroidProvider.ID), e.getMessage());
    }

    @Test
    void cudaRequestedWithoutCudaFallsBackToTheCpu() throws Exception {
        assertFalse(OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA),
                "this test runs the CPU build of ONNX Runtime (default profile)");
        OnnxRuntimeOptions cuda = CPU.withProvider(OnnxRuntimeOptions.ProviderPreference.CUDA);
        SessionFactory.OpenSession opened = SessionFactory.open(OrtEnvironment.getEnvironment(), model, "cuda-test", cuda);
        try {
            assertEquals(ExecutionProvider.CPU, opened.provider());
            assertTrue(opened.fallbackReason().isPresent(), "the fallback must say why CUDA was not used");
        } finally {
            opened.session().close();
        }
        try (OnnxClassifier c = OnnxClassifier.open(model, "cuda-test", cuda)) {
            assertEquals(ExecutionProvider.CPU, c.executionProvider());
            float[] images = TestNetworks.randomImages(2, 11);
            assertArrayEquals(classifier.predictNormalized(images), c.predictNormalized(images));
        }
    }

    @Test
    void autoUsesTheCpuWhenTheBuildHasNoCuda() throws Exception {
        SessionFactory.OpenSession opened = SessionFactory.open(OrtEnvironment.getEnvironment(), model, "auto-test",
                OnnxRuntimeOptions.defaults());
        try {
            assertEquals(ExecutionProvider.CPU, opened.provider());
            assertTrue(opened.fallbackReason().isEmpty());
        } finally {
            opened.session().close();
        }
    }

    @Test
    void optionsValidateAndRoundTripThroughHyperparameters() {
        assertThrows(InvalidInputException.class, () -> OnnxRuntimeOptions.defaults().withIntraOpThreads(-1));
        OnnxRuntimeOptions options = new OnnxRuntimeOptions(3, OnnxRuntimeOptions.ProviderPreference.CUDA, 1);
        assertEquals(options, OnnxRuntimeOptions.fromHyperparameters(options.toHyperparameters()));
        assertEquals(new OnnxRuntimeOptions(1, OnnxRuntimeOptions.ProviderPreference.AUTO, 0), OnnxRuntimeOptions.defaults());
    }
}
