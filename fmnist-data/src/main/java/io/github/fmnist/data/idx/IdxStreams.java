package io.github.fmnist.data.idx;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.InvalidInputException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one IDX file (raw or gzip, detected from the first two bytes) into a byte array, checking the header
 * against what the file can hold before anything large is allocated.
 */
final class IdxStreams {
    static final int BUFFER_SIZE = 1 << 16;
    /** Deflate cannot expand data by more than about 1032:1, so a gzip file of n bytes holds at most ~1032·n bytes. */
    private static final long MAX_DEFLATE_RATIO = 1040;
    /** Largest payload a Java array can hold safely. */
    private static final long MAX_PAYLOAD = Integer.MAX_VALUE - 64;
    /** First allocation when the exact size cannot be trusted; grown on demand as real data arrives. */
    private static final int INITIAL_CHUNK = 1 << 26;

    private IdxStreams() {
    }

    /** What an IDX header declares: magic, item count and the byte size of one item. */
    record Layout(int magic, String kind, int headerLength, int itemSize, int[] expectedDimensions) {
    }

    /** The decoded content: header fields and the payload bytes (exactly {@code count × itemSize}). */
    record Content(long count, byte[] payload) {
    }

    static Content read(Path file, Layout layout, MessageDigest digest) {
        String source = file.toString();
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("IDX file not found: " + source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + source, e);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_SIZE);
            boolean gzip = isGzip(buffered);
            if (gzip) {
                GZIPInputStream in;
                try {
                    in = new GZIPInputStream(buffered, BUFFER_SIZE);
                } catch (ZipException | EOFException e) {
                    throw new CorruptDataException(source, 0, "not a valid gzip stream: " + e.getMessage(), e);
                }
                return read(in, source, layout, digest, fileSize * MAX_DEFLATE_RATIO + 1024, false);
            }
            return read(buffered, source, layout, digest, fileSize, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + source, e);
        }
    }

    /**
     * @param sizeLimit the uncompressed size the source can hold at most ({@code Long.MAX_VALUE} if unknown)
     * @param exactSize whether {@code sizeLimit} is the exact size (a raw file) rather than an upper bound
     */
    static Content read(InputStream in, String source, Layout layout, MessageDigest digest, long sizeLimit,
                        boolean exactSize) {
        byte[] header = new byte[layout.headerLength()];
        int got = readChunk(in, source, header, 0, header.length, 0);
        if (got < header.length) {
            throw new CorruptDataException(source, got, "truncated header: expected " + header.length
                    + " header bytes, found " + got);
        }
        checkHeader(source, layout, header);
        long count = Integer.toUnsignedLong(readInt(header, 4));
        long payloadLength = count * layout.itemSize();
        long expectedTotal = layout.headerLength() + payloadLength;
        String claim = "header claims " + count + " " + layout.kind() + " (" + expectedTotal + " bytes)";
        if (exactSize && sizeLimit < expectedTotal) {
            throw new CorruptDataException(source, sizeLimit, "truncated: " + claim + ", file has only " + sizeLimit
                    + " bytes");
        }
        if (exactSize && sizeLimit > expectedTotal) {
            throw new CorruptDataException(source, expectedTotal, "count mismatch: " + claim + ", file has "
                    + sizeLimit + " bytes");
        }
        if (!exactSize && expectedTotal > sizeLimit) {
            throw new CorruptDataException(source, 4, claim + ", more than this compressed file can hold (at most "
                    + sizeLimit + " bytes)");
        }
        if (payloadLength > MAX_PAYLOAD) {
            throw new CorruptDataException(source, 4, claim + ", more than fmnist reads into memory (at most "
                    + MAX_PAYLOAD + " payload bytes)");
        }
        byte[] payload = readPayload(in, source, (int) payloadLength, layout.headerLength(), exactSize, claim);
        expectEnd(in, source, expectedTotal, claim);
        if (digest != null) {
            digest.update(header);
            digest.update(payload);
        }
        return new Content(count, payload);
    }

    private static byte[] readPayload(InputStream in, String source, int length, int base, boolean exact,
                                      String claim) {
        byte[] payload = new byte[exact ? length : Math.min(length, INITIAL_CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == payload.length) {
                payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * payload.length));
            }
            int n = readChunk(in, source, payload, filled, payload.length - filled, base + filled);
            filled += n;
            if (filled < payload.length) {
                throw new CorruptDataException(source, base + (long) filled, "truncated: " + claim
                        + ", data ends after " + (base + (long) filled) + " bytes");
            }
        }
        return payload;
    }

    private static void expectEnd(InputStream in, String source, long expectedTotal, String claim) {
        byte[] probe = new byte[1];
        if (readChunk(in, source, probe, 0, 1, expectedTotal) != 0) {
            throw new CorruptDataException(source, expectedTotal, "count mismatch: " + claim
                    + ", but more data follows");
        }
    }

    /** Reads until {@code length} bytes or end of stream; returns how many were read. */
    private static int readChunk(InputStream in, String source, byte[] target, int offset, int length,
                                 long position) {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(target, offset + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException(source, position + total, "broken gzip stream (offset counted in the "
                    + "uncompressed data): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " at offset " + (position + total), e);
        }
    }

    private static void checkHeader(String source, Layout layout, byte[] header) {
        int magic = readInt(header, 0);
        if (magic != layout.magic()) {
            throw new CorruptDataException(source, 0, String.format(
                    "bad magic number: expected 0x%08X (IDX %s), found 0x%08X", layout.magic(), layout.kind(), magic));
        }
        int[] dims = layout.expectedDimensions();
        for (int d = 0; d < dims.length; d++) {
            int offset = 8 + 4 * d;
            int found = readInt(header, offset);
            if (found != dims[d]) {
                throw new CorruptDataException(source, offset, "bad dimension " + (d + 1) + ": expected " + dims[d]
                        + ", found " + Integer.toUnsignedLong(found));
            }
        }
    }

    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }
}
