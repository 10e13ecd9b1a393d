package io.github.fmnist.api.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionGradientsTest {

    /** Activation = the image's first pixel, gradient = the target's label: enough to see which call got what. */
    private static final ConvolutionGradients ONE_AT_A_TIME = new ConvolutionGradients() {
        @Override
        public List<String> convolutionLayers() {
            return List.of("conv");
        }

        @Override
        public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
            assertEquals(Image.PIXELS, normalizedImage.length);
            return new ActivationGradients(layer, target, 0, 1, 1, 1, new double[] {normalizedImage[0]},
                    new double[] {target.label()});
        }
    };

    @Test
    void theBatchMethodAsksForEachImageWithItsOwnTarget() {
        float[] nchw = new float[3 * Image.PIXELS];
        for (int i = 0; i < 3; i++) {
            nchw[i * Image.PIXELS] = i + 0.5f;
        }
        List<ActivationGradients> all = ONE_AT_A_TIME.gradients(nchw, "conv",
                List.of(FashionClass.BAG, FashionClass.SHIRT, FashionClass.SNEAKER));
        assertEquals(3, all.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 0.5, all.get(i).activation(0, 0, 0));
        }
        assertEquals(FashionClass.SHIRT, all.get(1).target());
        assertEquals(FashionClass.SNEAKER.label(), all.get(2).gradient(0, 0, 0));
    }

    @Test
    void batchesWithoutOneTargetPerImageAreRejected() {
        float[] two = new float[2 * Image.PIXELS];
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ONE_AT_A_TIME.gradients(two, "conv", List.of(FashionClass.BAG)));
        assertEquals("2 images but 1 target classes", e.getMessage());
        assertThrows(InvalidInputException.class, () -> ONE_AT_A_TIME.gradients(new float[0], "conv", List.of()));
        assertThrows(InvalidInputException.class, () -> ONE_AT_A_TIME.gradients(new float[Image.PIXELS + 1], "conv",
                List.of(FashionClass.BAG)));
    }
}
