package io.github.fmnist.data;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.DataOrigin;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.idx.IdxImageReader;
import io.github.fmnist.data.idx.IdxLabelReader;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the four files of a complete directory, hashing each while it is read and checking the hashes. */
final class DatasetReader {
    private final Map<String, String> expectedSha256;
    private final boolean verify;

    DatasetReader(Map<String, String> expectedSha256, boolean verify) {
        this.expectedSha256 = expectedSha256;
        this.verify = verify;
    }

    FashionMnistData read(Path directory) {
        Map<String, String> sums = new LinkedHashMap<>();
        LabeledDataset train = pair(directory, DatasetFiles.TRAIN_IMAGES, DatasetFiles.TRAIN_LABELS, sums, "Fashion-MNIST train");
        LabeledDataset test = pair(directory, DatasetFiles.TEST_IMAGES, DatasetFiles.TEST_LABELS, sums, "Fashion-MNIST test");
        return new FashionMnistData(train, test, directory.toAbsolutePath().toString(), sums);
    }

    private LabeledDataset pair(Path directory, String imagesName, String labelsName, Map<String, String> sums,
                                String description) {
        Path imagesFile = file(directory, imagesName);
        Path labelsFile = file(directory, labelsName);
        MessageDigest digest = sha256();
        ImageBatch images = IdxImageReader.read(imagesFile, digest);
        sums.put(imagesName, check(imagesFile, imagesName, digest));
        int[] labels = IdxLabelReader.read(labelsFile, digest);
        sums.put(labelsName, check(labelsFile, labelsName, digest));
        if (images.size() != labels.length) {
            throw new CorruptDataException(labelsFile.toString(), 4, "count mismatch: " + imagesFile + " holds "
                    + images.size() + " images, expected as many labels, found " + labels.length);
        }
        Map<String, String> origin = Map.of(imagesName, sums.get(imagesName), labelsName, sums.get(labelsName));
        return LabeledDataset.of(images, labels).withOrigin(new DataOrigin(origin, description + " (" + labels.length + ")"));
    }

    /** Finishes {@code digest} (which is reset) and compares it with the expected hash when verifying. */
    private String check(Path file, String name, MessageDigest digest) {
        String found = HexFormat.of().formatHex(digest.digest());
        String expected = expectedSha256.get(name);
        if (verify && expected != null && !expected.equalsIgnoreCase(found)) {
            throw new CorruptDataException(file.toString(), -1, "SHA-256 of the uncompressed content: expected "
                    + expected + ", found " + found + " (a damaged or different file; delete it or point "
                    + "fmnist at an intact copy)");
        }
        return found;
    }

    private static Path file(Path directory, String name) {
        return DatasetFiles.find(directory, name).orElseThrow(() -> new IllegalStateException(
                "checked before reading: " + name + " in " + directory));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
