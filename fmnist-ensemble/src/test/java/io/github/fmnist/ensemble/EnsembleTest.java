package io.github.fmnist.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.testkit.ReferenceNetwork;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleTest {
    private static final LabeledDataset TRAIN = SyntheticFashion.dataset(300, 1L);
    private static final float[] PROBE = SyntheticFashion.dataset(20, 5L).images().toNormalizedNchw();

    @TempDir
    Path dir;

    private static Classifier centroid(double temperature) {
        NearestCentroidProvider p = new NearestCentroidProvider();
        return p.trainer(p.descriptor().defaults().with(NearestCentroidProvider.TEMPERATURE, temperature))
                .fit(TrainingRequest.of(TRAIN, 1L));
    }

    private static Classifier fit(String members, String weights, boolean flip) {
        return fit(members, weights, flip, 0);
    }

    private static Classifier fit(String members, String weights, boolean flip, int shift) {
        EnsembleProvider provider = new EnsembleProvider();
        Hyperparameters hp = provider.descriptor().defaults().with(EnsembleProvider.MEMBERS, members)
                .with(EnsembleProvider.WEIGHTS, weights).with(EnsembleProvider.FLIP_TTA, flip)
                .with(EnsembleProvider.SHIFT_TTA, shift);
        return provider.trainer(hp).fit(TrainingRequest.of(TRAIN, 1L));
    }

    private Path save(String name, Classifier classifier) throws IOException {
        Path file = dir.resolve(name + ModelBundle.EXTENSION);
        ModelBundle.save(file, classifier);
        return file;
    }

    @Test
    void probabilitiesAreTheWeightedMeanOfTheMembersOverImageAndMirror() throws IOException {
        Classifier sharp = centroid(2);
        Classifier soft = centroid(40);
        String members = save("sharp", sharp) + "," + save("soft", soft);
        float[] mirrored = Layer.FlipHorizontal.apply(PROBE);
        try (Classifier plain = fit(members, "3,1", false); Classifier flipped = fit(members, "3,1", true)) {
            float[][] a = sharp.predictNormalized(PROBE);
            float[][] b = soft.predictNormalized(PROBE);
            float[][] af = sharp.predictNormalized(mirrored);
            float[][] bf = soft.predictNormalized(mirrored);
            float[][] p = plain.predictNormalized(PROBE);
            float[][] q = flipped.predictNormalized(PROBE);
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(0.75 * a[i][c] + 0.25 * b[i][c], p[i][c], 1e-6, "image " + i + " class " + c);
                    assertEquals(0.75 * (a[i][c] + af[i][c]) / 2 + 0.25 * (b[i][c] + bf[i][c]) / 2, q[i][c], 1e-6);
                }
            }
        }
    }

    @Test
    void theMirrorMirrorsEveryRowOfEveryImage() {
        float[] two = new float[2 * 784];
        two[0] = 1;            // image 0, row 0, column 0
        two[784 + 28 + 5] = 2; // image 1, row 1, column 5
        float[] m = Layer.FlipHorizontal.apply(two);
        assertEquals(1, m[27]);
        assertEquals(2, m[784 + 28 + 22]);
        assertArrayEquals(two, Layer.FlipHorizontal.apply(m));
    }

    @Test
    void aShiftMovesEveryImageByWholePixelsAndFillsTheBorderWithZero() {
        float[] two = new float[2 * 784];
        for (int i = 0; i < two.length; i++) {
            two[i] = 1 + i; // every pixel distinct and non-zero
        }
        float[] right = ImageShift.of(two, 1, 0);
        float[] up = ImageShift.of(two, 0, -1);
        float[] diagonal = ImageShift.of(two, -2, 3);
        for (int image = 0; image < 2; image++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int at = image * 784 + y * 28 + x;
                    assertEquals(x == 0 ? 0 : two[at - 1], right[at], "right: image " + image + " (" + y + ", " + x + ")");
                    assertEquals(y == 27 ? 0 : two[at + 28], up[at], "up: image " + image + " (" + y + ", " + x + ")");
                    float expected = x >= 26 || y < 3 ? 0 : two[at - 3 * 28 + 2];
                    assertEquals(expected, diagonal[at], "diagonal: image " + image + " (" + y + ", " + x + ")");
                }
            }
        }
        assertArrayEquals(two, ImageShift.of(two, 0, 0));
    }

    @Test
    void shiftViewsAreTheImageAndItsTranslationsEachAlsoMirrored() {
        List<TestTimeViews.View> one = new TestTimeViews(1, true).views();
        assertEquals(10, one.size());
        assertEquals(List.of("", "flip.", "left1.", "flip.left1.", "right1.", "flip.right1.", "up1.", "flip.up1.", "down1.",
                "flip.down1."), one.stream().map(TestTimeViews.View::name).toList());
        assertEquals(9, new TestTimeViews(2, false).views().size());
        float[] image = SyntheticFashion.dataset(1, 3L).images().toNormalizedNchw();
        TestTimeViews.View flippedLeft = one.get(3);
        assertArrayEquals(Layer.FlipHorizontal.apply(ImageShift.of(image, -1, 0)), flippedLeft.apply(image));
    }

    @Test
    void probabilitiesWithShiftsAreTheMeanOverAllTenViews() throws IOException {
        Classifier sharp = centroid(2);
        Classifier soft = centroid(40);
        String members = save("sharp", sharp) + "," + save("soft", soft);
        try (Classifier ensemble = fit(members, "3,1", true, 1)) {
            double[][] expected = new double[PROBE.length / 784][10];
            int[][] offsets = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};
            for (int[] o : offsets) {
                float[] shifted = ImageShift.of(PROBE, o[0], o[1]);
                for (float[] view : new float[][] {shifted, Layer.FlipHorizontal.apply(shifted)}) {
                    float[][] a = sharp.predictNormalized(view);
                    float[][] b = soft.predictNormalized(view);
                    for (int i = 0; i < expected.length; i++) {
                        for (int c = 0; c < 10; c++) {
                            expected[i][c] += (0.75 * a[i][c] + 0.25 * b[i][c]) / 10;
                        }
                    }
                }
            }
            float[][] actual = ensemble.predictNormalized(PROBE);
            for (int i = 0; i < actual.length; i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(expected[i][c], actual[i][c], 1e-6, "image " + i + " class " + c);
                }
            }
        }
    }

    @Test
    void theDescriptionWithShiftsAndFlipsComputesTheEnsemble() {
        try (Classifier ensemble = fit(NearestCentroidProvider.ID + "," + NearestCentroidProvider.ID, "1,4", true, 1)) {
            NetworkDescription d = ensemble.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            assertTrue(d.nodes().stream().anyMatch(n -> n.name().startsWith("m1.flip.down1.")),
                    d.nodes().toString());
            assertTrue(d.nodes().stream().anyMatch(n -> n.name().equals("left1") && n.layer() instanceof Layer.Convolution),
                    d.nodes().toString());
            double[][] reference = ReferenceNetwork.of(d).probabilities(PROBE);
            float[][] actual = ensemble.predictNormalized(PROBE);
            for (int i = 0; i < actual.length; i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(reference[i][c], actual[i][c], 1e-5, "image " + i + " class " + c);
                }
            }
        }
    }

    @Test
    void theShiftLayerShiftsLikeTheJvm() {
        float[] image = SyntheticFashion.dataset(2, 9L).images().toNormalizedNchw();
        java.util.Random random = new java.util.Random(7);
        float[] weights = new float[784 * 10];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        Layer.Dense dense = new Layer.Dense(784, 10, weights, new float[10]);
        NetworkDescription plain = new NetworkDescription("plain", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("dense", dense, "flat")), "dense");
        for (int[] o : new int[][] {{1, 0}, {0, -1}, {-2, 1}}) {
            NetworkDescription shifted = new NetworkDescription("shifted", List.of(
                    NetworkNode.of("shift", ImageShift.layer(o[0], o[1]), NetworkDescription.INPUT),
                    NetworkNode.of("flat", new Layer.Flatten(), "shift"),
                    NetworkNode.of("dense", dense, "flat")), "dense");
            double[][] expected = ReferenceNetwork.of(plain).logits(ImageShift.of(image, o[0], o[1]));
            double[][] actual = ReferenceNetwork.of(shifted).logits(image);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-9, "shift " + o[0] + ", " + o[1] + ", image " + i);
            }
        }
    }

    @Test
    void membersNamedByProviderAreTrainedOnTheRequestAndEqualTheirBundledSelves() throws IOException {
        try (Classifier trained = fit(NearestCentroidProvider.ID, "equal", true);
             Classifier loaded = fit(save("member", centroid(10)).toString(), "equal", true)) {
            assertArrayEquals(trained.predictNormalized(PROBE), loaded.predictNormalized(PROBE));
        }
    }

    @Test
    void theDescriptionOfAnExportableEnsembleComputesItsProbabilities() {
        try (Classifier ensemble = fit(NearestCentroidProvider.ID + "," + NearestCentroidProvider.ID, "1,4", true)) {
            NetworkDescription d = ensemble.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            assertEquals(EnsembleDescription.VOTE, d.logits());
            assertTrue(d.nodes().stream().anyMatch(n -> n.name().startsWith("m1.flip.")), d.nodes().toString());
            double[][] reference = ReferenceNetwork.of(d).probabilities(PROBE);
            float[][] actual = ensemble.predictNormalized(PROBE);
            for (int i = 0; i < actual.length; i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(reference[i][c], actual[i][c], 1e-5);
                }
            }
        }
    }

    @Test
    void oneMemberWithoutADescriptionMakesTheEnsembleNotExportable() {
        try (Classifier ensemble = fit(NearestCentroidProvider.ID + "," + OpaqueCentroidProvider.ID, "equal", false)) {
            assertFalse(ensemble.unwrap(NetworkExportable.class).isPresent());
            assertEquals(1f, sum(ensemble.predictNormalized(PROBE)[0]), 1e-6f);
        }
    }

    @Test
    void aBundleRoundTripKeepsMembersWeightsAndFlips() throws IOException {
        try (Classifier ensemble = fit(NearestCentroidProvider.ID + "," + OpaqueCentroidProvider.ID, "1,2", true)) {
            Path file = save("ensemble", ensemble);
            ModelBundle bundle = ModelBundle.read(file);
            assertEquals("testkit-centroid", bundle.readNested("member-0.fmnist").manifest().providerId());
            assertEquals("opaque-centroid", bundle.readNested("member-1.fmnist").manifest().providerId());
            try (Classifier loaded = new EnsembleProvider().load(bundle)) {
                assertArrayEquals(ensemble.predictNormalized(PROBE), loaded.predictNormalized(PROBE));
                assertEquals("1,2", loaded.info().hyperparameters().get(EnsembleProvider.WEIGHTS));
            }
        }
    }

    @Test
    void aBundleRoundTripKeepsShifts() throws IOException {
        try (Classifier ensemble = fit(NearestCentroidProvider.ID, "equal", false, 2)) {
            try (Classifier loaded = new EnsembleProvider().load(ModelBundle.read(save("shifted", ensemble)));
                 Classifier unshifted = fit(NearestCentroidProvider.ID, "equal", false, 0)) {
                assertArrayEquals(ensemble.predictNormalized(PROBE), loaded.predictNormalized(PROBE));
                assertEquals(2, ((EnsembleClassifier) loaded).views().shift());
                assertFalse(java.util.Arrays.deepEquals(unshifted.predictNormalized(PROBE), loaded.predictNormalized(PROBE)));
            }
        }
    }

    @Test
    void aMemberFromANewerProviderVersionIsRefusedByTheRegistry() throws IOException {
        Classifier member = centroid(10);
        ModelInfo newer = new ModelInfo(member.info().providerId(), "9", member.info().hyperparameters());
        Classifier relabelled = new Classifier() {
            @Override
            public ModelInfo info() {
                return newer;
            }

            @Override
            public float[][] predictNormalized(float[] nchw) {
                return member.predictNormalized(nchw);
            }

            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                member.writePayload(sink);
            }
        };
        EnsembleProvider provider = new EnsembleProvider();
        EnsembleClassifier ensemble = new EnsembleClassifier(ModelInfo.of(provider.descriptor(), provider.descriptor().defaults()),
                List.of(relabelled), new double[] {1}, new TestTimeViews(0, false));
        ModelBundle bundle = ModelBundle.read(save("newer", ensemble));
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> provider.load(bundle));
        assertTrue(e.getMessage().contains("newer.fmnist!member-0.fmnist") && e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void badMembersAndWeightsAreNamed() {
        InvalidInputException count = assertThrows(InvalidInputException.class, () -> fit("testkit-centroid", "1,2", false));
        assertTrue(count.getMessage().contains("2 weights for 1 members"), count.getMessage());
        InvalidInputException negative = assertThrows(InvalidInputException.class, () -> fit("testkit-centroid", "-1", false));
        assertTrue(negative.getMessage().contains("positive"), negative.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> fit(dir.resolve("absent.fmnist").toString(), "equal", false));
        assertTrue(missing.getMessage().contains("absent.fmnist") && missing.getMessage().contains("no such bundle"),
                missing.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> fit("no-such-model", "equal", false));
        assertTrue(unknown.getMessage().contains("no-such-model"), unknown.getMessage());
    }

    private static float sum(float[] row) {
        float s = 0;
        for (float v : row) {
            s += v;
        }
        return s;
    }
}
