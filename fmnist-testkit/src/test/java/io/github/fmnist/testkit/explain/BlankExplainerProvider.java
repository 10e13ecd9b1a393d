package io.github.fmnist.testkit.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.Prediction;
import java.util.List;
import java.util.Map;

/**
 * A second broken explainer (not registered with ServiceLoader): says it is model-agnostic but supports no
 * classifier, and though correct in every other way its maps are all zeros.
 */
public final class BlankExplainerProvider implements ExplainerProvider {
    private static final String ID = "toy-blank";
    private static final ExplainerDescriptor DESCRIPTOR = new ExplainerDescriptor(ID, "Blank (toy)", "1",
            "Test-only: highlights nothing.", true, Hyperparameters.defaults(List.of()));

    @Override
    public ExplainerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return false;
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        return new Explainer() {
            @Override
            public Explanation explain(Image image, FashionClass target) {
                float[] p = classifier.predict(image).probabilities();
                return new Explanation(ID, target, p[target.label()], new float[Image.PIXELS], Map.of());
            }

            @Override
            public Explanation explainPredicted(Image image) {
                return explain(image, FashionClass.of(Prediction.argmax(classifier.predict(image).probabilities())));
            }
        };
    }
}
