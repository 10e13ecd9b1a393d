package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeskewTest {
    /** A 30×60 upright bar turned by {@code degrees} about (60, 60) on a 120×120 mask. */
    private static BinaryMask turnedBar(double degrees) {
        double r = Math.toRadians(degrees);
        BinaryMask mask = BinaryMask.empty(120, 120);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 120; x++) {
                // back to the bar's own frame
                double dx = x - 60;
                double dy = y - 60;
                double u = dx * Math.cos(r) + dy * Math.sin(r);
                double v = -dx * Math.sin(r) + dy * Math.cos(r);
                mask.set(y * 120 + x, Math.abs(u) <= 15 && Math.abs(v) <= 30);
            }
        }
        return mask;
    }

    @Test
    void aTurnedBarIsTurnedBack() {
        assertEquals(-8, Deskew.angle(turnedBar(8)), 1.0);
        assertEquals(6, Deskew.angle(turnedBar(-6)), 1.0);
    }

    @Test
    void anUprightBarStays() {
        assertEquals(0, Deskew.angle(turnedBar(0)));
    }

    @Test
    void turningAPictureBackUndoesTheTurn() {
        BinaryMask bar = turnedBar(8);
        float[] values = new float[120 * 120];
        for (int i = 0; i < values.length; i++) {
            values[i] = bar.get(i) ? 255 : 0;
        }
        GrayPicture upright = GrayPicture.of(120, 120, values).rotated(Deskew.angle(bar)).cropToObject();
        assertEquals(31, upright.width(), 2);
        assertEquals(61, upright.height(), 2);
    }
}
