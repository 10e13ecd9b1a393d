package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;
import io.github.fmnist.testkit.SyntheticFashion;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ShopPhotoRendererTest {
    private final ShopPhotoRenderer renderer = new ShopPhotoRenderer();
    private final Image garment = SyntheticFashion.dataset(1, 5L).images().get(0);

    private static int[] pixels(BufferedImage picture) {
        return picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
    }

    @Test
    void theSameImageStyleAndSeedGiveTheSamePicture() {
        for (PhotoStyle style : PhotoStyle.values()) {
            int[] first = pixels(renderer.render(garment, style, 7).picture());
            int[] again = pixels(renderer.render(garment, style, 7).picture());
            assertArrayEquals(first, again, style.id());
            assertFalse(Arrays.equals(first, pixels(renderer.render(garment, style, 8).picture())),
                    style.id() + ": another seed stages another photo");
        }
    }

    @Test
    void canvasesHaveTheirStylesShape() {
        BufferedImage portrait = renderer.render(garment, PhotoStyle.PORTRAIT, 1).picture();
        assertEquals(480, portrait.getWidth());
        assertEquals(720, portrait.getHeight());
        BufferedImage wide = renderer.render(garment, PhotoStyle.SMALL_OFF_CENTRE, 1).picture();
        assertEquals(960, wide.getWidth());
        ShopPhotoRenderer.Rendition jpeg = renderer.render(garment, PhotoStyle.JPEG, 1);
        assertEquals("jpg", jpeg.format());
        assertNotNull(jpeg.file());
    }
}
