package io.github.fmnist.explain.network;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import java.util.Arrays;
import java.util.List;

/** Networks with hand-set weights whose correct explanations are known. */
public final class HandBuilt {

    private HandBuilt() {
    }

    /**
     * One channel averaging non-overlapping 7×7 blocks (kernel 7, stride 7: a 4×4 feature map), global
     * average pooling, and a dense layer giving {@code target} the pooled value as its score (others 0).
     */
    public static TestConvNet blockAverager(FashionClass target) {
        double[] kernel = new double[49];
        Arrays.fill(kernel, 1.0 / 49);
        double[] dense = new double[FashionClass.COUNT];
        dense[target.label()] = 1;
        return new TestConvNet(List.of(new TestConvNet.Conv(1, 7, 7, 0)), new double[][] {kernel},
                new double[][] {{0}}, dense, new double[FashionClass.COUNT]);
    }

    /**
     * A bright-blob detector: a 5×5 'same' convolution averaging its window with bias −0.5, so it fires
     * only where a bright blob is, then average pooling and a dense weight 4 for {@code target}.
     */
    public static TestConvNet blobDetector(FashionClass target) {
        double[] kernel = new double[25];
        Arrays.fill(kernel, 1.0 / 25);
        double[] dense = new double[FashionClass.COUNT];
        dense[target.label()] = 4;
        return new TestConvNet(List.of(new TestConvNet.Conv(1, 5, 1, 2)), new double[][] {kernel},
                new double[][] {{-0.5}}, dense, new double[FashionClass.COUNT]);
    }

    /** An image of value {@code background} with a square of value {@code blob}, side {@code size} at (top, left). */
    public static float[] square(float background, float blob, int top, int left, int size) {
        float[] image = new float[Image.PIXELS];
        Arrays.fill(image, background);
        for (int r = top; r < top + size; r++) {
            for (int c = left; c < left + size; c++) {
                image[r * Image.SIDE + c] = blob;
            }
        }
        return image;
    }
}
