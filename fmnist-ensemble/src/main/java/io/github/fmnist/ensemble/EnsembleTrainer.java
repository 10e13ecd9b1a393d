package io.github.fmnist.ensemble;

import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the members (loading bundles, training providers on the request) and puts them to the vote. Events:
 * {@code Started}, {@code Progress("members", i, n)} as each member is ready, {@code Finished}; a member's own
 * training events are not passed on (its epochs are not the ensemble's), but its training is cancelled with the
 * ensemble's.
 */
final class EnsembleTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleTrainer.class);

    private final ModelDescriptor descriptor;
    private final Hyperparameters hyperparameters;
    private final EnsembleSettings settings;
    private final PluginRegistry registry;

    EnsembleTrainer(ModelDescriptor descriptor, Hyperparameters hyperparameters, EnsembleSettings settings,
                    PluginRegistry registry) {
        this.descriptor = descriptor;
        this.hyperparameters = hyperparameters;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public Classifier fit(TrainingRequest request) {
        TrainingListener listener = request.listener();
        long start = System.nanoTime();
        listener.onEvent(new TrainingEvent.Started(descriptor.id(), 1, 0));
        List<Classifier> members = new ArrayList<>();
        try {
            for (String spec : settings.members()) {
                requireNotCancelled(listener);
                members.add(member(spec, request));
                listener.onEvent(new TrainingEvent.Progress("members", members.size(), settings.members().size()));
            }
            requireNotCancelled(listener);
            ModelInfo info = ModelInfo.of(descriptor, hyperparameters).withProvenance(request.provenance(1, request.threads()));
            EnsembleClassifier ensemble = new EnsembleClassifier(info, members, settings.weights(), settings.views());
            listener.onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - start), 1));
            return ensemble;
        } catch (RuntimeException | Error e) {
            members.forEach(Classifier::close);
            throw e;
        }
    }

    private Classifier member(String spec, TrainingRequest request) {
        LOG.info("ensemble member {}: {}", spec, EnsembleSettings.isBundleFile(spec) ? "from its bundle" : "training with its default preset");
        return registry.loadOrTrain(spec, request);
    }

    private static void requireNotCancelled(TrainingListener listener) {
        if (listener.isCancelled()) {
            throw new TrainingCancelledException("ensemble training cancelled");
        }
    }
}
