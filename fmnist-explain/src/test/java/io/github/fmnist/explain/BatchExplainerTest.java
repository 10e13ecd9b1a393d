package io.github.fmnist.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.explain.cam.GradCam;
import io.github.fmnist.explain.network.CountingGradients;
import io.github.fmnist.explain.network.ShapeBatches;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchExplainerTest {

    @Test
    void parallelResultsEqualSequentialOnesInImageOrder() {
        TestConvNet net = Training.trainedShapesNet();
        ImageBatch images = ShapeBatches.of(Shapes.generate(24, 61));
        GradCam cam = new GradCam(net);
        List<Explanation> sequential = images.stream().map(cam::explainPredicted).toList();
        assertEquals(sequential, new BatchExplainer(cam, 4).explainPredicted(images));
        assertEquals(sequential, new BatchExplainer(cam, 1).explainPredicted(images));

        List<FashionClass> bags = Collections.nCopies(images.size(), FashionClass.BAG);
        assertEquals(cam.explainAll(images, bags), new BatchExplainer(cam, 3).explain(images, bags));
        assertThrows(InvalidInputException.class, () -> new BatchExplainer(cam, 2).explain(images, bags.subList(0, 3)));
        assertThrows(InvalidInputException.class, () -> new BatchExplainer(cam, 0));
    }

    @Test
    void aBatchedExplainerGetsContiguousChunksOfAtMost64Images() {
        CountingGradients net = new CountingGradients(Training.trainedShapesNet());
        ImageBatch images = ShapeBatches.of(Shapes.generate(150, 63));
        GradCam cam = new GradCam(net);
        List<Explanation> maps = new BatchExplainer(cam, 2).explainPredicted(images);
        assertEquals(List.of(22, 64, 64), net.gradientBatches().stream().sorted().toList());
        assertEquals(3, net.predictCalls());
        assertEquals(cam.explainPredicted(images.get(149)), maps.get(149), "image order kept");
        assertEquals(List.of(3, 3), countingChunks(images.slice(0, 6), 2), "at least one chunk per thread");
    }

    private static List<Integer> countingChunks(ImageBatch images, int parallelism) {
        CountingGradients net = new CountingGradients(Training.trainedShapesNet());
        new BatchExplainer(new GradCam(net), parallelism).explain(images, Collections.nCopies(images.size(), FashionClass.BAG));
        return net.gradientBatches();
    }
}
