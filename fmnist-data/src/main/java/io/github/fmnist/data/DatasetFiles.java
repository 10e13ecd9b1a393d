package io.github.fmnist.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The four Fashion-MNIST files and the SHA-256 of their uncompressed content. */
final class DatasetFiles {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Uncompressed SHA-256; Debian recompressed the .gz files, so only these are stable across sources. */
    static final Map<String, String> OFFICIAL_SHA256;

    static {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
        sums.put(TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9");
        sums.put(TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b");
        sums.put(TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
        OFFICIAL_SHA256 = java.util.Collections.unmodifiableMap(sums);
    }

    private DatasetFiles() {
    }

    /** The file for {@code name} in {@code directory}: {@code name.gz} preferred, else the raw {@code name}. */
    static Optional<Path> find(Path directory, String name) {
        Path gz = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return Optional.of(gz);
        }
        Path raw = directory.resolve(name);
        return Files.isRegularFile(raw) ? Optional.of(raw) : Optional.empty();
    }

    /** The names of the files {@code directory} lacks (all four if it does not exist). */
    static List<String> missing(Path directory) {
        List<String> missing = new ArrayList<>();
        for (String name : NAMES) {
            if (find(directory, name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }
}
