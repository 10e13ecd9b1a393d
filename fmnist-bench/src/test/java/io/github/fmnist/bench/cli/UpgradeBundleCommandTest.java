package io.github.fmnist.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.toy.SyntheticBench;
import io.github.fmnist.classic.LogisticRegressionProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/** {@code fmnist upgrade-bundle} on an fmnist-classic 1.0 logistic-regression bundle made here, as 1.0 wrote it. */
class UpgradeBundleCommandTest {
    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = FmnistMain.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), SyntheticBench.testData());
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void convertsOnlyWhenTrustedAndTheResultLoadsAndPredictsAsTheOldModel() throws Exception {
        Random random = new Random(5);
        double[][] w = new double[9][Image.PIXELS + 1];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.1;
            }
        }
        LogisticRegression.Multinomial smile = new LogisticRegression.Multinomial(w, -1.0, 0.1, IntSet.of(10));
        Path old = dir.resolve("old.fmnist");
        writeOneDotZero(old, smile);
        Path upgraded = dir.resolve("new.fmnist");

        assertThrows(IncompatibleModelException.class, () -> PluginRegistry.discover().loadClassifier(old));
        assertEquals(ExitCodes.USAGE, run("upgrade-bundle", old.toString(), upgraded.toString()));
        assertTrue(err.contains("add --trust-java-serialization"), err);
        assertFalse(Files.exists(upgraded));

        assertEquals(ExitCodes.OK, run("upgrade-bundle", "--trust-java-serialization", old.toString(), upgraded.toString()), err);
        assertTrue(out.contains("logreg 1.0.0 -> "), out);
        try (Classifier loaded = PluginRegistry.discover().loadClassifier(upgraded)) {
            float[] image = new float[Image.PIXELS];
            for (int j = 0; j < image.length; j++) {
                image[j] = random.nextFloat();
            }
            double[] x = new double[Image.PIXELS];
            for (int j = 0; j < x.length; j++) {
                x[j] = image[j];
            }
            double[] p = new double[10];
            smile.predict(x, p);
            float[] expected = new float[10];
            double sum = 0;
            for (double v : p) {
                sum += v;
            }
            for (int c = 0; c < 10; c++) {
                expected[c] = (float) (p[c] / sum);
            }
            assertArrayEquals(expected, loaded.predictNormalized(image)[0]);
        }
    }

    @Test
    void aCurrentBundleNeedsNoUpgrade() throws Exception {
        Path file = dir.resolve("current.fmnist");
        ModelBundle.save(file, legacy(new ModelInfo("nearest-centroid", "1.0", new LogisticRegressionProvider().descriptor().defaults()), null));
        assertEquals(ExitCodes.FAILURE, run("upgrade-bundle", "--trust-java-serialization", file.toString(),
                dir.resolve("x.fmnist").toString()), err);
        assertTrue(err.contains("needs no upgrade"), err);
    }

    private static void writeOneDotZero(Path file, Serializable model) throws IOException {
        LogisticRegressionProvider provider = new LogisticRegressionProvider();
        ModelInfo info = new ModelInfo(provider.id(), "1.0.0", provider.descriptor().defaults()
                .with(LogisticRegressionProvider.STANDARDIZE, false));
        ModelBundle.save(file, legacy(info, model));
    }

    private static Classifier legacy(ModelInfo info, Serializable model) {
        return new Classifier() {
            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public float[][] predictNormalized(float[] nchw) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                    o.writeObject(model == null ? "nothing" : model);
                }
                sink.write("model.ser", bytes.toByteArray());
            }
        };
    }
}
