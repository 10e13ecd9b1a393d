package io.github.fmnist.api.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static final Hyperparameter<Integer> EPOCHS = Hyperparameter.ofInt("epochs", 5, 1, 10, "passes");
    private static final Provenance PROVENANCE = new Provenance(Map.of("train-images-idx3-ubyte", "abc"), 42,
            "train 900 / validation 100", 3, 1, Instant.parse("2026-11-22T10:00:00Z"), "25", "Linux amd64");

    @TempDir
    Path dir;

    /** A classifier whose payload is fixed entries; with none, it fails half-way like a full disk. */
    private static class FixedPayload implements Classifier {
        private final Map<String, byte[]> entries;

        FixedPayload(Map<String, byte[]> entries) {
            this.entries = entries;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fixed", "1.2", Hyperparameters.defaults(List.of(EPOCHS)).with(EPOCHS, 3), PROVENANCE);
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            return new float[Classifier.imageCount(nchw)][10];
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            if (entries.isEmpty()) {
                try (OutputStream out = sink.entry("half.bin")) {
                    out.write(new byte[1000]);
                    throw new IOException("disk full (simulated)");
                }
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                sink.write(e.getKey(), e.getValue());
            }
        }
    }

    private static FixedPayload classifier() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("weights.bin", new byte[] {1, 2, 3, 4});
        entries.put("config.txt", "layers=3".getBytes(StandardCharsets.UTF_8));
        return new FixedPayload(entries);
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("m.fmnist");
        ModelBundle.save(file, classifier(), Map.of("test.accuracy", 0.875));
        return file;
    }

    @Test
    void roundTripKeepsManifestAndPayload() throws IOException {
        ModelBundle bundle = ModelBundle.read(saved());
        BundleManifest m = bundle.manifest();
        assertEquals(ModelBundle.FORMAT_VERSION, m.formatVersion());
        assertEquals("fixed", m.providerId());
        assertEquals("1.2", m.providerVersion());
        assertEquals(Map.of("epochs", "3"), m.hyperparameters());
        assertEquals(PROVENANCE, m.provenance());
        assertEquals(Map.of("test.accuracy", 0.875), m.metrics());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, bundle.readAllBytes("weights.bin"));
        assertEquals("layers=3", new String(bundle.readAllBytes("config.txt"), StandardCharsets.UTF_8));
        assertEquals(4, m.entry("weights.bin").orElseThrow().size());
    }

    /** A composite whose payload is the bundle of {@link #classifier()} and one entry of its own. */
    private static Classifier composite() {
        return new FixedPayload(Map.of()) {
            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                ModelBundle.writeNested(sink, "member-0.fmnist", classifier());
                sink.write("weights.txt", "1".getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    void aNestedBundleIsReadBackWithItsManifestAndPayload() throws IOException {
        Path file = dir.resolve("outer.fmnist");
        ModelBundle.save(file, composite());
        ModelBundle member = ModelBundle.read(file).readNested("member-0.fmnist");
        assertEquals("fixed", member.manifest().providerId());
        assertEquals(PROVENANCE, member.manifest().provenance());
        assertEquals(Map.of(), member.manifest().metrics());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, member.readAllBytes("weights.bin"));
        assertEquals(file + "!member-0.fmnist", member.path().toString());
        IncompatibleModelException notABundle = assertThrows(IncompatibleModelException.class,
                () -> ModelBundle.read(file).readNested("weights.txt"));
        assertTrue(notABundle.getMessage().contains("outer.fmnist!weights.txt"), notABundle.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        Classifier nested = classifier();
        for (int level = 0; level <= ModelBundle.MAX_NESTING; level++) {
            Classifier inner = nested;
            nested = new FixedPayload(Map.of()) {
                @Override
                public void writePayload(PayloadSink sink) throws IOException {
                    ModelBundle.writeNested(sink, "inner.fmnist", inner);
                }
            };
        }
        Path file = dir.resolve("deep.fmnist");
        ModelBundle.save(file, nested);
        ModelBundle bundle = ModelBundle.read(file);
        for (int level = 0; level < ModelBundle.MAX_NESTING; level++) {
            bundle = bundle.readNested("inner.fmnist");
        }
        ModelBundle deepest = bundle;
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> deepest.readNested("inner.fmnist"));
        assertTrue(e.getMessage().contains("at most " + ModelBundle.MAX_NESTING), e.getMessage());
    }

    @Test
    void aTamperedNestedBundleIsRefusedNamingWhereItLies() throws IOException {
        Path file = dir.resolve("outer.fmnist");
        ModelBundle.save(file, composite());
        // Change a byte of the member's payload and re-declare the member entry's size and checksum in the outer
        // manifest, as an attacker who controls the file could: the member's own manifest still catches it.
        ModelBundle outer = ModelBundle.read(file);
        Path member = dir.resolve("member.fmnist");
        Files.write(member, outer.readAllBytes("member-0.fmnist"));
        Path tamperedMember = rewrite(member, (name, content) -> {
            if (name.equals("payload/weights.bin")) {
                content[0] = 7;
            }
            return content;
        });
        byte[] evil = Files.readAllBytes(tamperedMember);
        Classifier forged = new FixedPayload(Map.of()) {
            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                sink.write("member-0.fmnist", evil);
            }
        };
        Path forgedFile = dir.resolve("forged.fmnist");
        ModelBundle.save(forgedFile, forged);
        TamperedModelException e = assertThrows(TamperedModelException.class,
                () -> ModelBundle.read(forgedFile).readNested("member-0.fmnist"));
        assertTrue(e.getMessage().contains("forged.fmnist!member-0.fmnist") && e.getMessage().contains("SHA-256"),
                e.getMessage());
    }

    @Test
    void changedPayloadByteIsDetected() throws IOException {
        Path file = saved();
        Path tampered = rewrite(file, (name, content) -> {
            if (name.equals("payload/weights.bin")) {
                content[2] = 9;
            }
            return content;
        });
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(tampered));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void grownPayloadIsDetectedBeforeItIsInflated() throws IOException {
        Path tampered = rewrite(saved(), (name, content) -> name.equals("payload/weights.bin") ? new byte[1 << 20] : content);
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(tampered));
        assertTrue(e.getMessage().contains("the manifest declares 4 bytes, the ZIP directory 1048576"), e.getMessage());
    }

    @Test
    void undeclaredEntryIsRejected() throws IOException {
        Path file = saved();
        Path extra = dir.resolve("extra.fmnist");
        copyWith(file, extra, "payload/evil.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(extra));
        assertTrue(e.getMessage().contains("payload/evil.class"), e.getMessage());
    }

    @Test
    void missingEntryIsRejected() throws IOException {
        Path missing = rewrite(saved(), (name, content) -> name.equals("payload/config.txt") ? null : content);
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(missing));
        assertTrue(e.getMessage().contains("config.txt") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void newerFormatIsRefusedBeforeAnythingElse() throws IOException {
        Path newer = rewrite(saved(), (name, content) -> name.equals(ModelBundle.MANIFEST_ENTRY)
                ? new String(content, StandardCharsets.UTF_8).replace("format.version=1", "format.version=7")
                        .getBytes(StandardCharsets.UTF_8)
                : content);
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> ModelBundle.read(newer));
        assertTrue(e.getMessage().contains("format version 7"), e.getMessage());
    }

    @Test
    void foreignFilesAreNotBundles() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.fmnist"), "hello");
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> ModelBundle.read(text));
        assertTrue(e.getMessage().contains("not an fmnist model bundle"), e.getMessage());
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
        }
        assertThrows(IncompatibleModelException.class, () -> ModelBundle.read(zip));
    }

    @Test
    void providerMismatchNamesBothIds() throws IOException {
        ModelBundle bundle = ModelBundle.read(saved());
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> bundle.requireProvider("cnn"));
        assertTrue(e.getMessage().contains("'fixed'") && e.getMessage().contains("'cnn'"), e.getMessage());
        assertThrows(IncompatibleModelException.class, () -> bundle.open("absent.bin"));
    }

    @Test
    void failedSaveLeavesNoFile() throws IOException {
        Path file = dir.resolve("broken.fmnist");
        Classifier failing = new FixedPayload(Map.of()) {
        };
        assertThrows(IOException.class, () -> ModelBundle.save(file, failing));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no target and no temporary file is left");
        }
    }

    @Test
    void saveReplacesAnExistingFileWhole() throws IOException {
        Path file = saved();
        ModelBundle.save(file, classifier(), Map.of("test.accuracy", 0.5));
        assertEquals(0.5, ModelBundle.read(file).manifest().metrics().get("test.accuracy"));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private interface EntryRewrite {
        byte[] apply(String name, byte[] content);
    }

    private Path rewrite(Path source, EntryRewrite rewrite) throws IOException {
        Path target = dir.resolve("rewritten-" + System.nanoTime() + ".fmnist");
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] content;
                try (InputStream s = in.getInputStream(e)) {
                    content = rewrite.apply(e.getName(), s.readAllBytes());
                }
                if (content != null) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    @Test
    void savingTheSameModelTwiceGivesTheSameBytes() throws IOException, InterruptedException {
        Path first = saved();
        byte[] before = Files.readAllBytes(first);
        Thread.sleep(2_100); // ZIP times have a 2-second resolution: a wall-clock time would now differ
        Path second = dir.resolve("again.fmnist");
        ModelBundle.save(second, classifier(), Map.of("test.accuracy", 0.875));
        assertArrayEquals(before, Files.readAllBytes(second));
    }

    private Path declaring(String name, long size, String sha256) throws IOException {
        return rewrite(saved(), (entry, content) -> !entry.equals(ModelBundle.MANIFEST_ENTRY) ? content
                : (new String(content, StandardCharsets.UTF_8) + "payload." + name + ".size=" + size + "\npayload." + name
                        + ".sha256=" + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEntryNameThatLeavesThePayloadFolderIsRefusedOnReadAsOnWrite() throws IOException {
        byte[] evil = {1, 2, 3};
        String sha = java.util.HexFormat.of().formatHex(ModelBundle.sha256().digest(evil));
        Path tampered = dir.resolve("traversal.fmnist");
        copyWith(declaring("../../evil", evil.length, sha), tampered, "payload/../../evil", evil);
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(tampered));
        assertTrue(e.getMessage().contains("payload entry name '../../evil' is not allowed"), e.getMessage());
    }

    @Test
    void aDeclaredSizeOverTheBundleLimitIsRefusedBeforeAnythingIsInflated() throws IOException {
        Path tampered = dir.resolve("huge.fmnist");
        copyWith(declaring("zeros.bin", 2_000_000_000L, "00"), tampered, "payload/zeros.bin", new byte[16]);
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(tampered));
        assertTrue(e.getMessage().contains("'zeros.bin' declares 2000000000 bytes; the bundle may hold at most "
                + ModelBundle.MAX_PAYLOAD_BYTES), e.getMessage());
    }

    @Test
    void aSizeTheZipDirectoryContradictsIsRefusedBeforeInflating() throws IOException {
        Path lying = rewrite(saved(), (entry, content) -> !entry.equals(ModelBundle.MANIFEST_ENTRY) ? content
                : new String(content, StandardCharsets.UTF_8).replace("payload.weights.bin.size=4", "payload.weights.bin.size=3")
                        .getBytes(StandardCharsets.UTF_8));
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(lying));
        assertTrue(e.getMessage().contains("'weights.bin' size: the manifest declares 3 bytes, the ZIP directory 4"), e.getMessage());
        assertThrows(TamperedModelException.class, () -> ModelBundle.readManifest(lying));
    }

    @Test
    void aSizeThatLiesInTheManifestAndTheZipDirectoryIsCaughtWhileStreaming() throws IOException {
        byte[] big = new byte[100_000];
        Path file = dir.resolve("big.fmnist");
        ModelBundle.save(file, new FixedPayload(Map.of("weights.bin", big)));
        String sha = java.util.HexFormat.of().formatHex(ModelBundle.sha256().digest(new byte[4]));
        Path lying = rewrite(file, (entry, content) -> !entry.equals(ModelBundle.MANIFEST_ENTRY) ? content
                : new String(content, StandardCharsets.UTF_8).replaceAll("payload.weights.bin.size=\\d+", "payload.weights.bin.size=4")
                        .replaceAll("payload.weights.bin.sha256=\\w+", "payload.weights.bin.sha256=" + sha)
                        .getBytes(StandardCharsets.UTF_8));
        patchCentralDirectorySize(lying, "payload/weights.bin", 4);
        assertEquals(4, ModelBundle.readManifest(lying).entry("weights.bin").orElseThrow().size());
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> ModelBundle.read(lying));
        assertTrue(e.getMessage().contains("'payload/weights.bin' is larger than the 4 bytes declared or allowed"), e.getMessage());
    }

    /** Overwrites the uncompressed size that the ZIP central directory records for {@code name}. */
    private static void patchCentralDirectorySize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == wanted.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                b.putInt(i + 24, size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory record for " + name);
    }

    private void copyWith(Path source, Path target, String extraName, byte[] extra) throws IOException {
        Files.copy(rewrite(source, (n, c) -> c), target);
        Path withExtra = dir.resolve("tmp-extra.zip");
        try (ZipFile in = new ZipFile(target.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(withExtra))) {
            for (ZipEntry e : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                    s.transferTo(out);
                }
            }
            out.putNextEntry(new ZipEntry(extraName));
            out.write(extra);
        }
        Files.move(withExtra, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
