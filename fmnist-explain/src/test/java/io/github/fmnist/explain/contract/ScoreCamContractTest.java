package io.github.fmnist.explain.contract;

import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.explain.cam.ScoreCamProvider;
import io.github.fmnist.explain.network.Training;
import io.github.fmnist.testkit.ExplainerContractTest;

/** The testkit's explainer contract, on fmnist-explain's own plugin. */
class ScoreCamContractTest extends ExplainerContractTest {
    @Override
    protected ExplainerProvider provider() {
        return new ScoreCamProvider();
    }

    @Override
    protected Classifier classifier() {
        return Training.trainedShapesNet();
    }
}
