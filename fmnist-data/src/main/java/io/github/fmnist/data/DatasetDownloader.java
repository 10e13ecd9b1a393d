package io.github.fmnist.data;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.CorruptDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Downloads missing Fashion-MNIST files into the cache: each file goes to a temporary file in the cache directory,
 * is verified against the SHA-256 of its uncompressed content, and only then is moved atomically to its final
 * name. A failed or cut transfer leaves nothing behind.
 */
final class DatasetDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);
    /** The compressed files are 30 MB together; refuse anything wildly larger from a misbehaving server. */
    private static final long MAX_DOWNLOAD_BYTES = 256L << 20;
    private static final int BUFFER_SIZE = 1 << 16;

    private final Duration timeout;
    private final Map<String, String> expectedSha256;

    DatasetDownloader(Duration timeout, Map<String, String> expectedSha256) {
        this.timeout = timeout;
        this.expectedSha256 = expectedSha256;
    }

    /**
     * Fetches every file {@code cache} lacks from {@code base}.
     *
     * @throws IOException on a network or file-system failure (the cache then holds no partial file)
     * @throws CorruptDataException if a downloaded file does not match its checksum
     */
    void download(URI base, Path cache) throws IOException {
        Files.createDirectories(cache);
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()) {
            for (String name : DatasetFiles.missing(cache)) {
                fetch(client, base.resolve(name + ".gz"), name, cache);
            }
        }
    }

    private void fetch(HttpClient client, URI uri, String name, Path cache) throws IOException {
        LOG.info("Downloading Fashion-MNIST file {} from {}", name, uri);
        Path temp = AtomicFile.temporarySibling(cache.resolve(name + ".part"));
        try {
            long bytes = transfer(client, uri, temp);
            boolean gzip = isGzip(temp);
            String found = uncompressedSha256(temp, gzip, uri.toString());
            String expected = expectedSha256.get(name);
            if (expected != null && !expected.equalsIgnoreCase(found)) {
                throw new CorruptDataException(uri.toString(), -1, "SHA-256 of the uncompressed content: expected "
                        + expected + ", found " + found);
            }
            Path target = cache.resolve(gzip ? name + ".gz" : name);
            AtomicFile.move(temp, target);
            LOG.info("Saved {} ({} bytes, SHA-256 verified) to {}", name, bytes, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long transfer(HttpClient client, URI uri, Path temp) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + uri, e);
        } catch (IOException e) {
            throw new IOException("download of " + uri + " failed: " + e, e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("download of " + uri + " failed: HTTP " + response.statusCode());
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long total = 0;
        try (InputStream body = response.body();
             IdleWatchdog watchdog = new IdleWatchdog(body, timeout);
             OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int n;
            try {
                while ((n = body.read(buffer)) >= 0) {
                    watchdog.progress();
                    total += n;
                    if (total > MAX_DOWNLOAD_BYTES) {
                        throw new IOException("more than " + MAX_DOWNLOAD_BYTES + " bytes sent; refusing");
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new IOException(watchdog.expired()
                        ? "no data for " + timeout.toMillis() + " ms" + progress(total, announced)
                        : "transfer cut (" + e.getMessage() + ")" + progress(total, announced), e);
            }
            if (watchdog.expired()) {
                throw new IOException("no data for " + timeout.toMillis() + " ms" + progress(total, announced));
            }
            if (announced >= 0 && announced != total) {
                throw new IOException("transfer cut" + progress(total, announced));
            }
            return total;
        } catch (IOException e) {
            throw new IOException("download of " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private static String progress(long received, long announced) {
        return " after " + received + (announced >= 0 ? " of " + announced : "") + " bytes";
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String uncompressedSha256(Path file, boolean gzip, String source) throws IOException {
        MessageDigest digest = DatasetReader.sha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
             InputStream in = new DigestInputStream(gzip ? new GZIPInputStream(raw, BUFFER_SIZE) : raw, digest)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new CorruptDataException(source, -1, "broken gzip stream: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
