package io.github.fmnist.data;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.DataUnavailableException;
import io.github.fmnist.api.InvalidInputException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Loads Fashion-MNIST in one line, finding the files or downloading them.
 *
 * <p>{@link #load()} and {@link FashionMnistLoader#load()} look, in order, at
 * <ol>
 *   <li>an explicit directory ({@link #load(Path)}, {@link Builder#directory(Path)}): then nothing else is
 *       looked at;</li>
 *   <li>the system property {@value #DATA_DIR_PROPERTY}, then the environment variable {@value #DATA_DIR_ENV};</li>
 *   <li>the user cache directory ({@code ~/.cache/fmnist/fashion-mnist}, or the system property
 *       {@value #CACHE_DIR_PROPERTY});</li>
 *   <li>the Debian location {@code /usr/share/datasets/fashion-mnist} ({@code apt-get install dataset-fashion-mnist});</li>
 *   <li>and finally downloads the files from the Fashion-MNIST project into the cache directory, unless offline
 *       ({@code -D}{@value #OFFLINE_PROPERTY}{@code =true} or {@link Builder#offline(boolean)}).</li>
 * </ol>
 * A directory counts when it holds all four files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}), each raw or with {@code .gz}. A configured
 * directory that lacks them is logged and skipped. The uncompressed content of every file read or downloaded is
 * checked against the published SHA-256; a mismatch is a {@link CorruptDataException} naming the file. Downloads go
 * to a temporary file and are moved into place atomically after verification, so the cache never holds a
 * partial file.
 *
 * <pre>{@code
 * FashionMnistData data = FashionMnist.load();
 * LabeledDataset train = data.train();                      // 60,000 examples
 *
 * FashionMnistData offline = FashionMnist.builder()
 *         .cacheDirectory(Path.of("/data/cache"))
 *         .offline(true)
 *         .build()
 *         .load();
 * }</pre>
 *
 * <p>{@link Builder#build()} gives a {@link FashionMnistLoader}: immutable, thread-safe, and every
 * {@code load()} reads the files again.
 */
public final class FashionMnist {
    /** System property naming a directory that holds the four files. */
    public static final String DATA_DIR_PROPERTY = "fmnist.data.dir";
    /** Environment variable naming a directory that holds the four files. */
    public static final String DATA_DIR_ENV = "FMNIST_DATA_DIR";
    /** System property overriding the cache directory. */
    public static final String CACHE_DIR_PROPERTY = "fmnist.cache.dir";
    /** System property that, when {@code true}, forbids downloading. */
    public static final String OFFLINE_PROPERTY = "fmnist.offline";
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** The Fashion-MNIST project's download locations (from its README), tried in order. */
    public static final List<URI> DEFAULT_BASE_URIS = List.of(
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            URI.create("https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"));
    /** Default connect timeout, and longest wait for response headers or for more data. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private FashionMnist() {
    }

    /**
     * Loads the dataset from the first place that has it (see the class description), downloading if needed.
     *
     * @throws DataUnavailableException if no place has the files and downloading is off or failed; the message
     *         lists every place looked and how to get the data
     * @throws CorruptDataException if a file is damaged or its checksum does not match
     */
    public static FashionMnistData load() {
        return builder().build().load();
    }

    /**
     * Loads the dataset from {@code directory} only: no other place is looked at and nothing is downloaded.
     *
     * @throws DataUnavailableException if the directory lacks one of the four files
     * @throws CorruptDataException if a file is damaged or its checksum does not match
     */
    public static FashionMnistData load(Path directory) {
        return builder().directory(directory).build().load();
    }

    /** A builder for loading with explicit settings; unset settings use the defaults of {@link #load()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for a {@link FashionMnistLoader}; every setting is optional. */
    public static final class Builder {
        Path directory;
        Path cacheDirectory;
        Boolean offline;
        List<URI> baseUris = DEFAULT_BASE_URIS;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean verifyChecksums = true;
        Map<String, String> expectedSha256 = DatasetFiles.OFFICIAL_SHA256;
        List<Path> systemDirectories = List.of(DEBIAN_DIRECTORY);
        UnaryOperator<String> systemProperties = System::getProperty;
        UnaryOperator<String> environment = System::getenv;

        private Builder() {
        }

        /** Read from this directory only: nothing else is looked at and nothing is downloaded. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Where downloaded files are kept (default {@code ~/.cache/fmnist/fashion-mnist}). */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            return this;
        }

        /** {@code true} forbids downloading; overrides the system property {@value FashionMnist#OFFLINE_PROPERTY}. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Download from this location only (a directory URI holding the four {@code .gz} files). */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String text = baseUri.toString();
            this.baseUris = List.of(text.endsWith("/") ? baseUri : URI.create(text + "/"));
            return this;
        }

        /** Connect timeout, and the longest wait for a response or for more data during a download. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidInputException("timeout must be positive, found " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Whether files found on disk are checked against the published SHA-256 (default {@code true}). Turn it
         * off only to read IDX files that are not the official Fashion-MNIST ones; downloads are always checked.
         */
        public Builder verifyChecksums(boolean verify) {
            this.verifyChecksums = verify;
            return this;
        }

        /** Test hook: the uncompressed SHA-256 expected for each base name. */
        Builder expectedSha256(Map<String, String> sums) {
            this.expectedSha256 = Map.copyOf(sums);
            return this;
        }

        /** Test hook: replaces the Debian location. */
        Builder systemDirectories(List<Path> directories) {
            this.systemDirectories = List.copyOf(directories);
            return this;
        }

        /** Test hook: where system properties and environment variables are read from. */
        Builder lookups(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
            this.systemProperties = systemProperties;
            this.environment = environment;
            return this;
        }

        /** The configured loader. */
        public FashionMnistLoader build() {
            return new FashionMnistLoader(this);
        }

        /** Shortcut for {@code build().load()}. */
        public FashionMnistData load() {
            return build().load();
        }
    }
}
