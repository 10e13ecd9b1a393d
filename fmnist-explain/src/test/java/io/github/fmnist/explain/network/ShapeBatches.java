package io.github.fmnist.explain.network;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;

/** Shapes as an {@link ImageBatch}. */
public final class ShapeBatches {

    private ShapeBatches() {
    }

    public static ImageBatch of(Shapes.Data data) {
        byte[] pixels = new byte[data.size() * Image.PIXELS];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(Image.fromNormalized(data.image(i)).pixels(), 0, pixels, i * Image.PIXELS, Image.PIXELS);
        }
        return ImageBatch.ofPixels(pixels);
    }
}
