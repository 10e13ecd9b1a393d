package io.github.fmnist.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.explain.cam.GradCam;
import io.github.fmnist.explain.cam.GradCamProvider;
import io.github.fmnist.explain.network.ShapeBatches;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomizationCheckTest {
    private static final ImageBatch IMAGES = ShapeBatches.of(Shapes.generate(40, 81));

    @Test
    void gradCamMapsDecorrelateWhenTheWeightsAreReinitialised() {
        TestConvNet trained = Training.trainedShapesNet();
        TestConvNet reinitialised = TestConvNet.random(Training.ARCHITECTURE, Training.POOLING, 1234);
        GradCamProvider provider = new GradCamProvider();
        RandomizationResult r = new RandomizationCheck(provider, provider.descriptor().defaults())
                .run(trained, reinitialised, IMAGES);
        assertEquals(GradCam.ID, r.method());
        assertEquals(40, r.images());
        assertTrue(r.meanSpearman() < 0.5, "mean Spearman " + r.meanSpearman());
        assertTrue(r.undefined() < 10, r.undefined() + " undefined");
    }

    @Test
    void theCheckFlagsMapsThatIgnoreTheWeights() {
        // the control: identical networks correlate perfectly, and a "method" that returns the image itself
        // (an edge-detector-like map blind to the weights) correlates perfectly across networks
        TestConvNet trained = Training.trainedShapesNet();
        TestConvNet reinitialised = TestConvNet.random(Training.ARCHITECTURE, Training.POOLING, 1234);
        assertEquals(1.0, new RandomizationCheck(c -> new GradCam(c)).run(trained, trained, IMAGES).meanSpearman(), 1e-12);
        RandomizationResult blind = new RandomizationCheck(ImageAsMap::new).run(trained, reinitialised, IMAGES);
        assertEquals(1.0, blind.meanSpearman(), 1e-12);
    }

    /** Relevance = pixel brightness, whatever the classifier. */
    private record ImageAsMap(Classifier classifier) implements Explainer {
        @Override
        public Explanation explain(Image image, FashionClass target) {
            return new Explanation("image", target, 0f, image.toNormalized(), Map.of());
        }

        @Override
        public Explanation explainPredicted(Image image) {
            return explain(image, classifier.classify(image));
        }
    }
}
