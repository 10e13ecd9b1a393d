package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;

/** Flattened pixels scaled to [0, 1] (pixel / 255), the input every classic model starts from. */
final class PixelFeatures {
    private PixelFeatures() {
    }

    /** One row of 784 values per image. */
    static double[][] rows(ImageBatch images) {
        double[][] rows = new double[images.size()][Image.PIXELS];
        float[] buffer = new float[Image.PIXELS];
        for (int i = 0; i < rows.length; i++) {
            images.writeNormalized(i, buffer, 0);
            for (int j = 0; j < Image.PIXELS; j++) {
                rows[i][j] = buffer[j];
            }
        }
        return rows;
    }

    /** Rows of the training images. */
    static double[][] rows(LabeledDataset data) {
        return rows(data.images());
    }

    /** Image {@code index} of an NCHW array as one row. */
    static double[] row(float[] nchw, int index) {
        double[] row = new double[Image.PIXELS];
        int offset = index * Image.PIXELS;
        for (int j = 0; j < Image.PIXELS; j++) {
            row[j] = nchw[offset + j];
        }
        return row;
    }
}
