package io.github.fmnist.explain.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import org.junit.jupiter.api.Test;

class ScoreCamTest {

    @Test
    void peaksOnTheShapeTheTrainedNetworkClassifies() {
        double hits = CamAccuracy.peakInShapeBox(new ScoreCam(Training.trainedShapesNet(), "conv2", 128), Shapes.generate(40, 53));
        assertTrue(hits >= 0.9, "peak on the shape in " + hits);
    }

    @Test
    void classifiesTheMaskedImagesInBatches() {
        // conv2 has 8 channels: up to 8 masked images plus the black baseline, in batches of 3
        TestConvNet net = TestConvNet.random(Training.ARCHITECTURE, Training.POOLING, 7);
        Image image = Image.fromNormalized(Shapes.generate(1, 57).image(0));
        int before = net.predictCalls();
        Explanation e = new ScoreCam(net, "conv2", 3).explain(image, FashionClass.DRESS);
        int calls = net.predictCalls() - before;
        assertEquals(1 + 3, calls, "one call for the probability, three for nine masked images");
        assertEquals(ScoreCam.ID, e.method());
        assertEquals(e, new ScoreCamProvider().create(net, new ScoreCamProvider().descriptor().defaults())
                .explain(image, FashionClass.DRESS), "batching does not change the map");
        assertThrows(InvalidInputException.class, () -> new ScoreCam(net, "conv2", 0));
    }
}
