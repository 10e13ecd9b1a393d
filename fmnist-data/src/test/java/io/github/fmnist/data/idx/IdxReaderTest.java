package io.github.fmnist.data.idx;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    private static final int IMAGES = IdxImageReader.MAGIC;
    private static final int LABELS = IdxLabelReader.MAGIC;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"images-idx3-ubyte", "images-idx3-ubyte.gz"})
    void writtenImagesAndLabelsReadBackIdentically(String imageName) {
        LabeledDataset data = SyntheticData.dataset(37, 3);
        Path images = dir.resolve(imageName);
        Path labels = dir.resolve(imageName.replace("images-idx3", "labels-idx1"));
        IdxWriter.writeImages(data.images(), images);
        IdxWriter.writeLabels(data.labels(), labels);

        assertEquals(data.images(), IdxImageReader.read(images));
        assertArrayEquals(data.labels(), IdxLabelReader.read(labels));
        assertEquals(imageName.endsWith(".gz"), isGzip(images));
    }

    @Test
    void digestSeesTheUncompressedContent() throws Exception {
        LabeledDataset data = SyntheticData.dataset(5, 0);
        Path raw = dir.resolve("raw-idx3-ubyte");
        Path gz = dir.resolve("gz-idx3-ubyte.gz");
        IdxWriter.writeImages(data.images(), raw);
        IdxWriter.writeImages(data.images(), gz);
        MessageDigest a = MessageDigest.getInstance("SHA-256");
        MessageDigest b = MessageDigest.getInstance("SHA-256");
        IdxImageReader.read(raw, a);
        IdxImageReader.read(gz, b);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(raw)));
        assertEquals(expected, HexFormat.of().formatHex(a.digest()));
        assertEquals(expected, HexFormat.of().formatHex(b.digest()));
    }

    @Test
    void readsFromAStream() {
        byte[] file = SyntheticData.imageFile(IMAGES, 2, 28, 28, 2 * 784);
        ImageBatch batch = IdxImageReader.read(new ByteArrayInputStream(file), "stream");
        assertEquals(2, batch.size());
        assertEquals(Arrays.copyOfRange(file, 16, 16 + 784)[5] & 0xFF, batch.pixel(0, 5));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedImageFileNamesFileAndOffset(boolean gzip) throws IOException {
        Path file = write("short-idx3-ubyte", SyntheticData.imageFile(IMAGES, 3, 28, 28, 2 * 784 + 100), gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "truncated", "3 images");
        assertEquals(16L + 2 * 784 + 100, e.offset().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedHeaderIsReported(boolean gzip) throws IOException {
        Path file = write("tiny-idx3-ubyte", new byte[] {0, 0, 8, 3, 0, 0}, gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "truncated header", "expected 16");
        assertEquals(6L, e.offset().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badMagicShowsExpectedAndFound(boolean gzip) throws IOException {
        Path file = write("magic-idx3-ubyte", SyntheticData.imageFile(0x00000801, 1, 28, 28, 784), gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "expected 0x00000803", "found 0x00000801");
        assertEquals(0L, e.offset().orElseThrow());

        Path labels = write("magic-idx1-ubyte", SyntheticData.labelFile(0x00000803, 1, (byte) 1), gzip);
        CorruptDataException l = assertThrows(CorruptDataException.class, () -> IdxLabelReader.read(labels));
        assertMessage(l, labels, "expected 0x00000801", "found 0x00000803");
    }

    @Test
    void wrongDimensionsAreRejected() throws IOException {
        Path file = write("dims-idx3-ubyte", SyntheticData.imageFile(IMAGES, 1, 28, 32, 28 * 32), false);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "expected 28", "found 32");
        assertEquals(12L, e.offset().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void moreDataThanTheCountClaimsIsACountMismatch(boolean gzip) throws IOException {
        Path file = write("long-idx3-ubyte", SyntheticData.imageFile(IMAGES, 2, 28, 28, 3 * 784), gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "count mismatch", "2 images");
        assertEquals(16L + 2 * 784, e.offset().orElseThrow());

        Path labels = write("long-idx1-ubyte", SyntheticData.labelFile(LABELS, 2, (byte) 1, (byte) 2, (byte) 3), gzip);
        CorruptDataException l = assertThrows(CorruptDataException.class, () -> IdxLabelReader.read(labels));
        assertMessage(l, labels, "count mismatch", "2 labels");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void labelOutOfRangeNamesItsOffset(boolean gzip) throws IOException {
        Path file = write("bad-idx1-ubyte", SyntheticData.labelFile(LABELS, 4, (byte) 0, (byte) 9, (byte) 10, (byte) 1),
                gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxLabelReader.read(file));
        assertMessage(e, file, "expected 0..9", "found 10");
        assertEquals(8L + 2, e.offset().orElseThrow());
    }

    @Test
    void brokenGzipStreamIsCorruptData() throws IOException {
        byte[] gz = SyntheticData.gzip(SyntheticData.imageFile(IMAGES, 20, 28, 28, 20 * 784));
        byte[] damaged = gz.clone();
        for (int i = 30; i < 60; i++) {
            damaged[i] ^= 0x5A;
        }
        Path file = dir.resolve("broken-idx3-ubyte.gz");
        Files.write(file, damaged);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "offset", "");
        assertTrue(e.offset().isPresent(), e.getMessage());
    }

    @Test
    void gzipCutShortIsCorruptData() throws IOException {
        byte[] gz = SyntheticData.gzip(SyntheticData.imageFile(IMAGES, 20, 28, 28, 20 * 784));
        Path file = dir.resolve("cut-idx3-ubyte.gz");
        Files.write(file, Arrays.copyOf(gz, gz.length - 20));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "gzip", "");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void headerClaimingTwoToThe31ImagesIsRejectedBeforeAllocating(boolean gzip) throws IOException {
        byte[] content = SyntheticData.imageFile(IMAGES, 0x8000_0000, 28, 28, 784);
        Path file = write("huge-idx3-ubyte", content, gzip);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxImageReader.read(file));
        assertMessage(e, file, "2147483648 images", "");

        Path labels = write("huge-idx1-ubyte", SyntheticData.labelFile(LABELS, 0xFFFF_FFFF, (byte) 1), gzip);
        CorruptDataException l = assertThrows(CorruptDataException.class, () -> IdxLabelReader.read(labels));
        assertMessage(l, labels, "4294967295 labels", "");
    }

    @Test
    void streamClaimingMoreThanAnArrayHoldsIsRejected() {
        byte[] content = SyntheticData.imageFile(IMAGES, 0x7FFF_FFFF, 28, 28, 784);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> IdxImageReader.read(new ByteArrayInputStream(content), "claims-too-much"));
        assertMessage(e, Path.of("claims-too-much"), "2147483647 images", "at most");
    }

    @Test
    void streamThatEndsEarlyIsTruncatedEvenWhenTheClaimIsLarge() {
        // 2,000,000 × 784 bytes fits an array; the data ends long before, and memory only grows with real data
        byte[] content = SyntheticData.imageFile(IMAGES, 2_000_000, 28, 28, 784);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> IdxImageReader.read(new ByteArrayInputStream(content), "stream"));
        assertMessage(e, Path.of("stream"), "truncated", "");
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? name + ".gz" : name);
        Files.write(file, gzip ? SyntheticData.gzip(content) : content);
        return file;
    }

    private static void assertMessage(CorruptDataException e, Path file, String... parts) {
        assertTrue(e.getMessage().contains(file.toString()), () -> "names the file: " + e.getMessage());
        assertEquals(file.toString(), e.source());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "mentions '" + part + "': " + e.getMessage());
        }
    }

    private static boolean isGzip(Path file) {
        try {
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
            return (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
