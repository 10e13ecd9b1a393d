package io.github.fmnist.data.imageio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExifOrientationTest {
    /** A 3×2 picture whose red channel numbers the pixels: 1 2 3 / 4 5 6. */
    private static final ColourPicture NUMBERED = Pictures.of(3, 2, (x, y) -> new float[] {1 + x + 3 * y, 0, 0});

    private static String rows(ColourPicture p) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < p.height(); y++) {
            s.append(y > 0 ? "/" : "");
            for (int x = 0; x < p.width(); x++) {
                s.append((int) p.red(y * p.width() + x));
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @CsvSource({
            "1, 123/456",
            "2, 321/654",
            "3, 654/321",
            "4, 456/123",
            "5, 14/25/36",
            "6, 41/52/63",
            "7, 63/52/41",
            "8, 36/25/14"})
    void eachOrientationTurnsAndMirrorsAsExifSays(int orientation, String upright) {
        assertEquals(upright, rows(ExifOrientation.apply(NUMBERED, orientation)));
    }
}
