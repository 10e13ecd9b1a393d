package io.github.fmnist.api.bundle;

import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a bundle through {@link AtomicFile}: it appears complete or not at all. */
final class BundleWriter {
    private BundleWriter() {
    }

    static void save(Path target, Classifier classifier, Map<String, Double> metrics) throws IOException {
        AtomicFile.write(target, out -> write(out, classifier, metrics));
    }

    /** Writes the whole bundle to {@code out}, leaving it open. */
    static void write(OutputStream out, Classifier classifier, Map<String, Double> metrics) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        ModelInfo info = classifier.info();
        Provenance provenance = info.provenance();
        Sink sink = new Sink(zip, LocalDateTime.ofInstant(provenance.createdAt(), ZoneOffset.UTC));
        classifier.writePayload(sink);
        sink.requireClosed();
        BundleManifest manifest = new BundleManifest(ModelBundle.FORMAT_VERSION, info.providerId(),
                info.providerVersion(), FmnistVersion.current(), info.hyperparameters().asText(), provenance,
                metrics, sink.entries);
        zip.putNextEntry(sink.zipEntry(ModelBundle.MANIFEST_ENTRY));
        zip.write(ManifestCodec.write(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private static final class Sink implements PayloadSink {
        private final ZipOutputStream zip;
        private final LocalDateTime entryTime;
        private final List<PayloadEntry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private boolean open;

        Sink(ZipOutputStream zip, LocalDateTime entryTime) {
            this.zip = zip;
            this.entryTime = entryTime;
        }

        /** Entries carry the training time, not the time of writing, so saving the same model twice gives the same bytes. */
        ZipEntry zipEntry(String name) {
            ZipEntry entry = new ZipEntry(name);
            entry.setTimeLocal(entryTime); // time-zone independent
            return entry;
        }

        @Override
        public OutputStream entry(String name) throws IOException {
            if (!ModelBundle.isValidEntryName(name)) {
                throw new IllegalArgumentException("payload entry name must match " + ModelBundle.ENTRY_NAME_PATTERN + ": " + name);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("payload entry '" + name + "' written twice");
            }
            if (open) {
                throw new IllegalStateException("close the previous payload entry before starting '" + name + "'");
            }
            open = true;
            zip.putNextEntry(zipEntry(ModelBundle.PAYLOAD_PREFIX + name));
            MessageDigest digest = ModelBundle.sha256();
            return new FilterOutputStream(new DigestOutputStream(zip, digest)) {
                private long size;
                private boolean closed;

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    size++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    size += len;
                }

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        out.flush();
                        zip.closeEntry();
                        entries.add(new PayloadEntry(name, size, HexFormat.of().formatHex(digest.digest())));
                        open = false;
                    }
                }
            };
        }

        void requireClosed() {
            if (open) {
                throw new IllegalStateException("a payload entry was left open");
            }
        }
    }
}
