package io.github.fmnist.api.bundle;

import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts bundles that an older version of a plugin wrote, and that the current version refuses, into the current
 * format; found through {@link ServiceLoader} (register the class in
 * {@code META-INF/services/io.github.fmnist.api.bundle.BundleUpgrader}). Reading an old format may mean trusting the
 * file (fmnist-classic 1.x bundles hold Java-serialised objects), so callers such as {@code fmnist upgrade-bundle}
 * only convert when the user says they trust it.
 */
public interface BundleUpgrader {

    /** Whether this upgrader converts the bundle that {@code manifest} describes. */
    boolean accepts(BundleManifest manifest);

    /** What the user must trust about the file, in a few words, e.g. "Java deserialisation of its payload". */
    String risk();

    /**
     * Converts {@code legacy} into {@code target}, which appears complete or not at all.
     *
     * @return the converted classifier's info
     */
    ModelInfo upgrade(Path legacy, Path target) throws IOException;

    /** The first upgrader on the class path of {@code loader} that accepts {@code manifest}; a broken one is skipped. */
    static Optional<BundleUpgrader> find(BundleManifest manifest, ClassLoader loader) {
        Logger log = LoggerFactory.getLogger(BundleUpgrader.class);
        for (ServiceLoader.Provider<BundleUpgrader> candidate : ServiceLoader.load(BundleUpgrader.class, loader).stream().toList()) {
            try {
                BundleUpgrader upgrader = candidate.get();
                if (upgrader.accepts(manifest)) {
                    return Optional.of(upgrader);
                }
            } catch (RuntimeException | ServiceConfigurationError e) {
                log.warn("Skipping bundle upgrader {}: {}", candidate.type().getName(), e.toString());
            }
        }
        return Optional.empty();
    }
}
