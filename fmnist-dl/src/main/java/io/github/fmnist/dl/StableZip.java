package io.github.fmnist.dl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a ZIP archive with every entry dated {@code time}. Deeplearning4j's {@code ModelSerializer} dates its
 * entries with the moment of writing, so the same network saved twice differs in a few bytes; rewritten with the
 * training time, a retrained network (bit-identical for a fixed seed and thread count) gives a byte-identical
 * bundle, which is what lets a regenerated zoo file be checked against the committed one by its SHA-256.
 */
final class StableZip {
    private StableZip() {
    }

    static byte[] withEntryTime(byte[] zip, Instant time) throws IOException {
        LocalDateTime local = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 256);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(local);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
