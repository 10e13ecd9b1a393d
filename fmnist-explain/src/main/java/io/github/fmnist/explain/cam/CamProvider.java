package io.github.fmnist.explain.cam;

import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;

/** Shared by the CAM providers: they all need {@link ConvolutionGradients} and a target layer. */
abstract sealed class CamProvider implements ExplainerProvider
        permits GradCamProvider, GradCamPlusPlusProvider, ScoreCamProvider {
    /** Version of the CAM explainers' algorithms; bump when their maps change. */
    static final String VERSION = "1.0";

    private final ExplainerDescriptor descriptor;

    CamProvider(ExplainerDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public ExplainerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return classifier.unwrap(ConvolutionGradients.class).isPresent();
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        ConvolutionGradients gradients = CamExplainer.requireGradients(classifier, id());
        return create(classifier, LayerOption.resolve(gradients, options), options);
    }

    abstract Explainer create(Classifier classifier, String layer, Hyperparameters options);
}
