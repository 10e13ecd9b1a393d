package io.github.fmnist.classic;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ProviderVersion;
import java.util.Optional;

/**
 * Opens the classic models' payload entries of a verified bundle for reading as numbers ({@link PayloadReader}),
 * after checking the provider id and version: a 1.x bundle (Java-serialised payload) is refused here with the way
 * to convert it, even when a caller skips the registry's version check.
 */
final class BundlePayload {
    private final ModelBundle bundle;
    private final ModelDescriptor descriptor;

    private BundlePayload(ModelBundle bundle, ModelDescriptor descriptor) {
        this.bundle = bundle;
        this.descriptor = descriptor;
    }

    /**
     * Opens {@code bundle} for the provider described by {@code descriptor}.
     *
     * @throws IncompatibleModelException if another provider, or a version this one cannot read, wrote it
     */
    static BundlePayload open(ModelBundle bundle, ModelDescriptor descriptor) {
        bundle.requireProvider(descriptor.id());
        String version = bundle.manifest().providerVersion();
        if (!ProviderVersion.canRead(descriptor.version(), version)) {
            throw new IncompatibleModelException(bundle.path() + ": written by provider '" + descriptor.id() + "' " + version
                    + ", which provider '" + descriptor.id() + "' " + descriptor.version() + " cannot read; "
                    + ClassicModels.unreadableVersionAdvice(version));
        }
        return new BundlePayload(bundle, descriptor);
    }

    /** The recorded hyperparameters and provider version. */
    ModelInfo info() {
        Hyperparameters hp;
        try {
            hp = descriptor.defaults().withAll(bundle.manifest().hyperparameters());
        } catch (InvalidInputException e) {
            throw new IncompatibleModelException(bundle.path() + ": recorded hyperparameters do not fit provider '"
                    + descriptor.id() + "': " + e.getMessage(), e);
        }
        return ModelInfo.of(bundle.manifest(), hp);
    }

    /** {@code model.bin}, its header (this provider's format, a version this code reads) already checked. */
    PayloadReader model() {
        PayloadReader in = PayloadReader.of(bundle, SmileClassifier.MODEL_ENTRY);
        in.header(SmileClassifier.format(descriptor.id()), SmileClassifier.FORMAT_VERSION);
        return in;
    }

    /** The PCA stage, if the bundle has one. */
    Optional<PcaProjection> pca(int inputs) {
        if (!bundle.payloadNames().contains(SmileClassifier.PCA_ENTRY)) {
            return Optional.empty();
        }
        PayloadReader in = PayloadReader.of(bundle, SmileClassifier.PCA_ENTRY);
        in.header(PcaProjection.FORMAT, SmileClassifier.FORMAT_VERSION);
        return Optional.of(PcaProjection.read(in, inputs));
    }

    /** The pixel standardisation stored under {@code entry}, if the bundle has one. */
    Optional<PixelStandardizer> standardizer(String entry, int inputs) {
        if (!bundle.payloadNames().contains(entry)) {
            return Optional.empty();
        }
        PayloadReader in = PayloadReader.of(bundle, entry);
        in.header(PixelStandardizer.FORMAT, SmileClassifier.FORMAT_VERSION);
        return Optional.of(PixelStandardizer.read(in, inputs));
    }
}
