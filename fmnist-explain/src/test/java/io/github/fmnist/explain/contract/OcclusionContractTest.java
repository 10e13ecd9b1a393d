package io.github.fmnist.explain.contract;

import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.explain.occlusion.OcclusionProvider;
import io.github.fmnist.testkit.ExplainerContractTest;

/** The testkit's explainer contract, on fmnist-explain's own plugin. */
class OcclusionContractTest extends ExplainerContractTest {
    @Override
    protected ExplainerProvider provider() {
        return new OcclusionProvider();
    }
}
