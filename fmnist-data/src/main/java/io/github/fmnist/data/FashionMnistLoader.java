package io.github.fmnist.data;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.DataUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.github.fmnist.data.FashionMnist.CACHE_DIR_PROPERTY;
import static io.github.fmnist.data.FashionMnist.DATA_DIR_ENV;
import static io.github.fmnist.data.FashionMnist.DATA_DIR_PROPERTY;
import static io.github.fmnist.data.FashionMnist.DEBIAN_DIRECTORY;
import static io.github.fmnist.data.FashionMnist.DEFAULT_BASE_URIS;
import static io.github.fmnist.data.FashionMnist.OFFLINE_PROPERTY;

/**
 * Loads Fashion-MNIST with the settings of a {@link FashionMnist.Builder}, following the resolution order described
 * in {@link FashionMnist}. Immutable and thread-safe; every {@link #load()} reads the files again.
 *
 * <pre>{@code
 * FashionMnistLoader loader = FashionMnist.builder().offline(true).build();
 * FashionMnistData data = loader.load();
 * }</pre>
 */
public final class FashionMnistLoader {
    private static final Logger LOG = LoggerFactory.getLogger(FashionMnistLoader.class);

    /** Settings the user left unset are null here and resolved at load time. */
    private final Path directory;
    private final Path cacheDirectory;
    private final Boolean offline;
    private final List<URI> baseUris;
    private final Duration timeout;
    private final boolean verifyChecksums;
    private final Map<String, String> expectedSha256;
    private final List<Path> systemDirectories;
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    FashionMnistLoader(FashionMnist.Builder b) {
        this.directory = b.directory;
        this.cacheDirectory = b.cacheDirectory;
        this.offline = b.offline;
        this.baseUris = List.copyOf(b.baseUris);
        this.timeout = b.timeout;
        this.verifyChecksums = b.verifyChecksums;
        this.expectedSha256 = Map.copyOf(b.expectedSha256);
        this.systemDirectories = List.copyOf(b.systemDirectories);
        this.systemProperties = b.systemProperties;
        this.environment = b.environment;
    }

    /**
     * Loads the dataset with this loader's settings.
     *
     * @throws DataUnavailableException if no place has the files and downloading is off or failed; the message
     *         lists every place looked and how to get the data
     * @throws CorruptDataException if a file is damaged or its checksum does not match
     */
    public FashionMnistData load() {
        if (directory != null) {
            Path dir = directory;
            List<String> missing = DatasetFiles.missing(dir);
            if (!missing.isEmpty()) {
                throw new DataUnavailableException(unavailableMessage(
                        List.of(describe("the given directory", dir, missing)), true));
            }
            return read(dir, "the given directory");
        }
        List<String> looked = new ArrayList<>();
        for (Candidate candidate : candidates()) {
            List<String> missing = DatasetFiles.missing(candidate.directory());
            if (missing.isEmpty()) {
                return read(candidate.directory(), candidate.description());
            }
            looked.add(describe(candidate.description(), candidate.directory(), missing));
            if (candidate.configured()) {
                LOG.warn("{} {} does not hold Fashion-MNIST (missing {}); looking elsewhere",
                        candidate.description(), candidate.directory(), missing);
            }
        }
        boolean isOffline = isOffline();
        if (!isOffline) {
            Optional<FashionMnistData> downloaded = download(looked);
            if (downloaded.isPresent()) {
                return downloaded.get();
            }
        }
        throw new DataUnavailableException(unavailableMessage(looked, isOffline));
    }

    private Optional<FashionMnistData> download(List<String> looked) {
        Path cache = cacheDirectory();
        DatasetDownloader downloader = new DatasetDownloader(timeout, expectedSha256);
        for (URI base : baseUris) {
            try {
                downloader.download(base, cache);
                return Optional.of(read(cache, "downloaded from " + base + " into the cache"));
            } catch (IOException | CorruptDataException e) {
                LOG.warn("Download of Fashion-MNIST from {} failed: {}", base, e.getMessage());
                looked.add("download from " + base + " into " + cache + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private FashionMnistData read(Path dir, String description) {
        FashionMnistData data = new DatasetReader(expectedSha256, verifyChecksums).read(dir);
        LOG.info("Loaded Fashion-MNIST ({} train, {} test images{}) from {} ({})", data.train().size(),
                data.test().size(), verifyChecksums ? ", SHA-256 verified" : "", data.source(), description);
        return data;
    }

    private record Candidate(String description, Path directory, boolean configured) {
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        String property = systemProperties.apply(DATA_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(new Candidate("system property " + DATA_DIR_PROPERTY, Path.of(property), true));
        }
        String env = environment.apply(DATA_DIR_ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(new Candidate("environment variable " + DATA_DIR_ENV, Path.of(env), true));
        }
        candidates.add(new Candidate("cache directory", cacheDirectory(), false));
        for (Path system : systemDirectories) {
            candidates.add(new Candidate("system directory", system, false));
        }
        return candidates;
    }

    private Path cacheDirectory() {
        if (cacheDirectory != null) {
            return cacheDirectory;
        }
        String property = systemProperties.apply(CACHE_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(systemProperties.apply("user.home"), ".cache", "fmnist", "fashion-mnist");
    }

    private boolean isOffline() {
        return offline != null ? offline : Boolean.parseBoolean(systemProperties.apply(OFFLINE_PROPERTY));
    }

    private static String describe(String what, Path dir, List<String> missing) {
        String state = !Files.isDirectory(dir) ? "does not exist"
                : missing.size() == DatasetFiles.NAMES.size() ? "holds none of the files"
                : "lacks " + String.join(", ", missing);
        return what + " " + dir.toAbsolutePath() + ": " + state;
    }

    private String unavailableMessage(List<String> looked, boolean downloadOff) {
        StringBuilder message = new StringBuilder("Fashion-MNIST not found. Looked at:");
        for (String place : looked) {
            message.append("\n  - ").append(place);
        }
        if (downloadOff) {
            message.append("\n  - download: switched off");
        }
        message.append("\nTo get the data, either")
                .append("\n  - install it: sudo apt-get install dataset-fashion-mnist (Debian/Ubuntu, into ")
                .append(DEBIAN_DIRECTORY).append("), or")
                .append("\n  - put the four files ").append(String.join(", ", DatasetFiles.NAMES))
                .append(" (raw or .gz) in a directory and set -D").append(DATA_DIR_PROPERTY).append("=DIR or ")
                .append(DATA_DIR_ENV).append("=DIR, or")
                .append("\n  - allow the download (it is off with -D").append(OFFLINE_PROPERTY)
                .append("=true or builder().offline(true)) from ").append(DEFAULT_BASE_URIS.getFirst());
        return message.toString();
    }

}
