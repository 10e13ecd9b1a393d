package io.github.fmnist.explain.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.explain.network.CountingGradients;
import io.github.fmnist.explain.network.ShapeBatches;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.Training;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Explaining a batch must give what explaining each image alone gives, with one network pass for the batch. */
class CamBatchTest {
    private static final ImageBatch IMAGES = ShapeBatches.of(Shapes.generate(7, 71));

    static Stream<Arguments> explainers() {
        return Stream.of(
                Arguments.of(GradCam.ID, (Function<Classifier, CamExplainer>) c -> new GradCam(c, "conv1")),
                Arguments.of(GradCamPlusPlus.ID, (Function<Classifier, CamExplainer>) GradCamPlusPlus::new),
                Arguments.of(ScoreCam.ID, (Function<Classifier, CamExplainer>) c -> new ScoreCam(c, "conv2", 16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("explainers")
    void aBatchGivesEachImagesOwnExplanation(String id, Function<Classifier, CamExplainer> factory) {
        CamExplainer cam = factory.apply(Training.trainedShapesNet());
        assertEquals(IMAGES.stream().map(cam::explainPredicted).toList(), cam.explainAllPredicted(IMAGES));
        List<FashionClass> targets = IntStream.range(0, IMAGES.size()).mapToObj(i -> FashionClass.of(i % 4)).toList();
        List<Explanation> chosen = cam.explainAll(IMAGES, targets);
        for (int i = 0; i < IMAGES.size(); i++) {
            assertEquals(cam.explain(IMAGES.get(i), targets.get(i)), chosen.get(i), id + " image " + i);
        }
    }

    @Test
    void aBatchIsOnePredictionAndOneGradientsCall() {
        CountingGradients net = new CountingGradients(Training.trainedShapesNet());
        List<Explanation> maps = new GradCam(net).explainAllPredicted(IMAGES);
        assertEquals(IMAGES.size(), maps.size());
        assertEquals(1, net.predictCalls());
        assertEquals(List.of(IMAGES.size()), net.gradientBatches());
        assertTrue(maps.stream().allMatch(e -> e.metadata().get("layer").equals("conv2")));
    }

    @Test
    void emptyAndMismatchedBatches() {
        GradCam cam = new GradCam(Training.trainedShapesNet());
        assertEquals(List.of(), cam.explainAllPredicted(ImageBatch.empty()));
        assertEquals(List.of(), cam.explainAll(ImageBatch.empty(), List.of()));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cam.explainAll(IMAGES, List.of(FashionClass.BAG)));
        assertEquals("7 images but 1 target classes", e.getMessage());
    }
}
