package io.github.fmnist.testkit.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately broken explainer (not registered with ServiceLoader): an id with a space and a blank description;
 * says it needs a capability yet supports everything; explains the wrong class with a made-up probability and maps
 * that change with every call; explainAll ignores extra images or targets; options it declares are never read.
 */
public final class BrokenExplainerProvider implements ExplainerProvider {
    private static final AtomicLong CALLS = new AtomicLong();
    private static final ExplainerDescriptor DESCRIPTOR = new ExplainerDescriptor("toy broken", "Broken (toy)", "1", " ",
            false, Hyperparameters.defaults(List.of(Hyperparameter.ofInt("ignored", 1, 0, 9, "never read"))));

    @Override
    public ExplainerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return true;
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        return new Explainer() {
            @Override
            public Explanation explain(Image image, FashionClass target) {
                return drifting(FashionClass.of((target.label() + 1) % FashionClass.COUNT));
            }

            @Override
            public Explanation explainPredicted(Image image) {
                return drifting(FashionClass.of(0));
            }

            @Override
            public List<Explanation> explainAll(ImageBatch images, List<FashionClass> targets) {
                List<Explanation> out = new ArrayList<>();
                for (int i = 0; i < Math.min(images.size(), targets.size()); i++) {
                    out.add(explain(images.get(i), targets.get(i)));
                }
                return out;
            }
        };
    }

    private static Explanation drifting(FashionClass target) {
        float[] relevance = new float[Image.PIXELS];
        relevance[(int) (CALLS.incrementAndGet() % Image.PIXELS)] = 1f;
        return new Explanation("toy-broken", target, 0.5f, relevance, Map.of());
    }
}
