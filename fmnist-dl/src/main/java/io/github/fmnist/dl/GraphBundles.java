package io.github.fmnist.dl;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Rebuilds a {@link GraphClassifier} from a verified bundle. */
final class GraphBundles {
    private GraphBundles() {
    }

    static GraphClassifier load(ModelBundle bundle, ModelDescriptor descriptor,
                                Function<Hyperparameters, Architecture> architectureOf) {
        // First, before anything is parsed: the bundle must be this provider's (its checksums were verified by ModelBundle.read).
        bundle.requireProvider(descriptor.id());
        Hyperparameters hyperparameters;
        try {
            hyperparameters = descriptor.defaults().withAll(bundle.manifest().hyperparameters());
        } catch (FmnistException e) {
            throw new IncompatibleModelException(bundle.path() + ": hyperparameters do not fit provider '" + descriptor.id()
                    + "' " + descriptor.version() + ": " + e.getMessage(), e);
        }
        Architecture architecture = architectureOf.apply(hyperparameters);
        NativeRuntime.enableOneDnn();
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(bundle.open(GraphClassifier.NETWORK_ENTRY), false);
        } catch (IOException | RuntimeException e) {
            throw new IncompatibleModelException(bundle.path() + ": payload '" + GraphClassifier.NETWORK_ENTRY
                    + "' is not a readable Deeplearning4j network: " + e.getMessage(), e);
        }
        for (String name : architecture.convolutionLayers()) {
            requireVertex(bundle, network, name);
        }
        requireVertex(bundle, network, Architecture.LOGITS);
        ModelInfo info = ModelInfo.of(bundle.manifest(), hyperparameters);
        return new GraphClassifier(info, network, architecture.convolutionLayers());
    }

    private static void requireVertex(ModelBundle bundle, ComputationGraph network, String name) {
        if (network.getVertex(name) == null) {
            throw new IncompatibleModelException(bundle.path() + ": the network has no layer '" + name
                    + "' although its hyperparameters call for one");
        }
    }
}
