package io.github.fmnist.explain.cam;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.explain.network.Shapes;

/** How often an explainer's strongest pixel lies on the shape that decides the class. */
final class CamAccuracy {

    private CamAccuracy() {
    }

    static double peakInShapeBox(Explainer explainer, Shapes.Data data) {
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] map = explainer.explainPredicted(Image.fromNormalized(data.image(i))).relevance();
            if (data.inShapeBox(i, GradCamTest.argmax(map))) {
                hits++;
            }
        }
        return (double) hits / data.size();
    }
}
