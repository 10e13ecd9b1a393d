package io.github.fmnist.api.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.BundleFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadReaderTest {
    private interface Body {
        void write(PayloadWriter out) throws IOException;
    }

    private static byte[] written(String format, int version, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PayloadWriter out = new PayloadWriter(bytes, format, version)) {
            body.write(out);
        }
        return bytes.toByteArray();
    }

    private static PayloadReader reader(byte[] bytes) {
        return new PayloadReader(bytes, "m.fmnist", "model.bin");
    }

    @Test
    void numbersRoundTrip() throws IOException {
        byte[] bytes = written("toy", 2, out -> {
            out.count(3);
            out.doubles(new double[] {1.5, -0.25, 1e-300});
            out.floats(new float[] {3.5f});
            out.ints(new int[] {7, 9});
            out.byteValue(2);
            out.doubleValue(Math.PI);
            out.intValue(-4);
        });
        PayloadReader in = reader(bytes);
        assertEquals(2, in.header("toy", 2));
        int n = in.count("values", 10, Double.BYTES);
        assertArrayEquals(new double[] {1.5, -0.25, 1e-300}, in.finiteDoubles("values", n));
        assertArrayEquals(new float[] {3.5f}, in.finiteFloats("floats", 1));
        assertArrayEquals(new int[] {7, 9}, in.ints("ints", 2, 0, 10));
        assertEquals(2, in.byteValue("kind", 0, 3));
        assertEquals(Math.PI, in.finiteDouble("pi"));
        assertEquals(-4, in.intValue("int", -10, 10));
        in.requireEnd();
    }

    @Test
    void javaSerialisationIsNotAPayload() {
        byte[] serialised = {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72};
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> reader(serialised).header("toy", 1));
        assertTrue(e.getMessage().startsWith("m.fmnist payload 'model.bin' at offset 0: expected the magic number"), e.getMessage());
        assertEquals("model.bin", e.entry());
    }

    @Test
    void otherFormatOrNewerVersionIsRefused() throws IOException {
        byte[] bytes = written("toy", 3, out -> { });
        BundleFormatException name = assertThrows(BundleFormatException.class, () -> reader(bytes).header("other", 3));
        assertTrue(name.getMessage().contains("expected format 'other', found 'toy'"), name.getMessage());
        BundleFormatException version = assertThrows(BundleFormatException.class, () -> reader(bytes).header("toy", 2));
        assertTrue(version.getMessage().contains("expected format 'toy' version 1 to 2, found version 3"), version.getMessage());
    }

    @Test
    void aCountIsCheckedAgainstItsMaximumAndTheBytesLeftBeforeAllocating() throws IOException {
        byte[] huge = written("toy", 1, out -> out.count(Integer.MAX_VALUE));
        PayloadReader overMax = reader(huge);
        overMax.header("toy", 1);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> overMax.count("rows", 1000, 8));
        assertTrue(e.getMessage().contains("offset 13: expected rows from 0 to 1000, found 2147483647"), e.getMessage());

        byte[] short_ = written("toy", 1, out -> out.count(100));
        PayloadReader overBytes = reader(short_);
        overBytes.header("toy", 1);
        BundleFormatException f = assertThrows(BundleFormatException.class, () -> overBytes.count("rows", 1000, 8));
        assertTrue(f.getMessage().contains("rows 100 needs at least 800 bytes, but only 0 are left"), f.getMessage());
    }

    @Test
    void valuesOutOfRangeNonFiniteTruncatedOrTrailingAreRefused() throws IOException {
        byte[] bytes = written("toy", 1, out -> {
            out.ints(new int[] {5});
            out.doubles(new double[] {Double.NaN});
            out.intValue(1);
        });
        PayloadReader in = reader(bytes);
        in.header("toy", 1);
        assertThrows(BundleFormatException.class, () -> reader(bytes.clone()).finiteDoubles("x", 1000));
        BundleFormatException range = assertThrows(BundleFormatException.class, () -> in.ints("labels", 1, 0, 4));
        assertTrue(range.getMessage().contains("expected labels from 0 to 4, found 5"), range.getMessage());
        PayloadReader again = reader(bytes);
        again.header("toy", 1);
        again.ints("labels", 1, 0, 9);
        assertThrows(BundleFormatException.class, () -> again.finiteDoubles("weights", 1));
        PayloadReader trailing = reader(bytes);
        trailing.header("toy", 1);
        trailing.ints("labels", 1, 0, 9);
        BundleFormatException end = assertThrows(BundleFormatException.class, trailing::requireEnd);
        assertTrue(end.getMessage().contains("expected the end of the entry, found 12 more bytes"), end.getMessage());
    }

    @Test
    void finiteButHugeValuesAreRefusedSoNoModelSumOverflows() throws IOException {
        byte[] bytes = written("toy", 1, out -> {
            out.doubles(new double[] {PayloadReader.MAX_MAGNITUDE, -PayloadReader.MAX_MAGNITUDE * 1.5});
        });
        PayloadReader in = reader(bytes);
        in.header("toy", 1);
        assertEquals(PayloadReader.MAX_MAGNITUDE, in.finiteDouble("largest allowed"));
        BundleFormatException tooLarge = assertThrows(BundleFormatException.class, () -> in.finiteDouble("weight"));
        assertTrue(tooLarge.getMessage().contains("within ±1.0E15, found -1.5E15"), tooLarge.getMessage());
        PayloadReader floats = reader(written("toy", 1, out -> out.floats(new float[] {Float.MAX_VALUE})));
        floats.header("toy", 1);
        assertThrows(BundleFormatException.class, () -> floats.finiteFloats("float", 1));
    }

    @Test
    void aTruncatedHeaderIsTyped() {
        byte[] bytes = "FMNP".getBytes(StandardCharsets.US_ASCII);
        assertThrows(BundleFormatException.class, () -> reader(bytes).header("toy", 1));
        assertThrows(BundleFormatException.class, () -> reader(new byte[2]).header("toy", 1));
    }
}
