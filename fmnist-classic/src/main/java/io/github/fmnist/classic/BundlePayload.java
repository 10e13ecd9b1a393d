package io.github.fmnist.classic;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import java.util.Optional;

/** Reads the classic models' payload entries back from a verified bundle, through the serialisation allow-list. */
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
     * @throws IncompatibleModelException if another provider wrote it
     */
    static BundlePayload open(ModelBundle bundle, ModelDescriptor descriptor) {
        bundle.requireProvider(descriptor.id());
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

    /** The Smile model, which must be a {@code type}. */
    <T> T model(Class<T> type) {
        return SmileModelSerializer.deserialize(bundle.readAllBytes(SmileClassifier.MODEL_ENTRY), type, source(SmileClassifier.MODEL_ENTRY));
    }

    /** The PCA stage, if the bundle has one. */
    Optional<PcaProjection> pca(int inputs) {
        if (!bundle.payloadNames().contains(SmileClassifier.PCA_ENTRY)) {
            return Optional.empty();
        }
        String source = source(SmileClassifier.PCA_ENTRY);
        double[][] matrix = SmileModelSerializer.deserialize(bundle.readAllBytes(SmileClassifier.PCA_ENTRY), double[][].class, source);
        return Optional.of(PcaProjection.fromMatrix(matrix, inputs, source));
    }

    /** The pixel standardisation stored under {@code entry}, if the bundle has one. */
    Optional<PixelStandardizer> standardizer(String entry, int inputs) {
        if (!bundle.payloadNames().contains(entry)) {
            return Optional.empty();
        }
        double[][] matrix = SmileModelSerializer.deserialize(bundle.readAllBytes(entry), double[][].class, source(entry));
        return Optional.of(PixelStandardizer.fromMatrix(matrix, inputs, source(entry)));
    }

    private String source(String entry) {
        return bundle.path() + " payload '" + entry + "'";
    }
}
