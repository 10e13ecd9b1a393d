package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.model.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    private static GraphClassifier cnn;

    @BeforeAll
    static void train() {
        cnn = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(64), 3);
    }

    @Test
    void roundTripKeepsPredictionsAndInfo(@TempDir Path dir) throws IOException {
        Path file = save(dir.resolve("cnn.fmnist"));
        ModelBundle bundle = ModelBundle.read(file);
        assertTrue(bundle.payloadNames().contains(GraphClassifier.NETWORK_ENTRY));
        float[] pixels = TinyTraining.data(20).images().toNormalizedNchw();
        try (Classifier loaded = new CnnProvider().load(bundle)) {
            assertEquals(cnn.info(), loaded.info());
            float[][] expected = cnn.predictNormalized(pixels);
            float[][] actual = loaded.predictNormalized(pixels);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], "image " + i);
            }
        }
    }

    @Test
    void tamperedNetworkFailsBeforeDl4jParsesIt(@TempDir Path dir) throws IOException {
        Path file = save(dir.resolve("cnn.fmnist"));
        Path tampered = dir.resolve("tampered.fmnist");
        rewrite(file, tampered, "payload/" + GraphClassifier.NETWORK_ENTRY);
        TamperedModelException e = assertThrows(TamperedModelException.class,
                () -> new CnnProvider().load(ModelBundle.read(tampered)));
        assertTrue(e.getMessage().contains(GraphClassifier.NETWORK_ENTRY), e.getMessage());
    }

    @Test
    void bundleOfTheOtherDl4jProviderIsRejected(@TempDir Path dir) throws IOException {
        ModelBundle bundle = ModelBundle.read(save(dir.resolve("cnn.fmnist")));
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> new ResnetProvider().load(bundle));
        assertTrue(e.getMessage().contains("'cnn'") && e.getMessage().contains("'resnet'"), e.getMessage());
    }

    @Test
    void aBundleRecordsItsTrainingAndSavingTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Provenance p = cnn.info().provenance();
        assertEquals(1, p.epochs());
        assertEquals(1, p.threads());
        assertEquals(3, p.seed());
        Path first = save(dir.resolve("first.fmnist"));
        Thread.sleep(2_100); // ZIP times have a 2-second resolution: dated by the clock, the second file would differ
        Path second = save(dir.resolve("second.fmnist"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(p, ModelBundle.read(first).manifest().provenance());
    }

    private static Path save(Path file) throws IOException {
        ModelBundle.save(file, cnn);
        return file;
    }

    /** Copies a ZIP, flipping one byte in the middle of entry {@code victim}. */
    private static void rewrite(Path source, Path target, String victim) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().equals(victim)) {
                    content[content.length / 2] ^= 0x5A;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertTrue(Files.size(target) > 0);
    }
}
