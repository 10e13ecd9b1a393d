package io.github.fmnist.classic;

import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.BundleUpgrader;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.nio.file.Path;

/** {@link JavaSerializedBundles} as a {@link BundleUpgrader}, so {@code fmnist upgrade-bundle} finds it on the class path. */
public final class JavaSerializedBundleUpgrader implements BundleUpgrader {
    /** The upgrader ServiceLoader creates. */
    public JavaSerializedBundleUpgrader() {
    }

    @Override
    public boolean accepts(BundleManifest manifest) {
        return JavaSerializedBundles.isJavaSerialized(manifest);
    }

    @Override
    public String risk() {
        return "Java deserialisation of its payload (fmnist-classic 1.x)";
    }

    @Override
    public ModelInfo upgrade(Path legacy, Path target) throws IOException {
        return JavaSerializedBundles.upgrade(legacy, target);
    }
}
