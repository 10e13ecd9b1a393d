package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static io.github.fmnist.data.imageio.Pictures.mask;
import static io.github.fmnist.data.imageio.Pictures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HoleFillingTest {
    @Test
    void enclosedBackgroundIsFilledAndOpenBackgroundIsNot() {
        BinaryMask picture = mask(
                ".......",
                ".###.#.",
                ".#.#.#.",
                ".###.#.",
                ".....#.");
        assertEquals(rows(
                ".......",
                ".###.#.",
                ".###.#.",
                ".###.#.",
                ".....#."), rows(HoleFilling.fill(picture)));
    }

    @Test
    void aCShapeOpenToTheFrameStaysOpen() {
        BinaryMask c = mask(
                "###",
                "#..",
                "###");
        assertEquals(rows(c), rows(HoleFilling.fill(c)));
    }
}
