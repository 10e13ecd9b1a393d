package io.github.fmnist.data.imageio;

import io.github.fmnist.data.imageio.ConnectedRegions.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.fmnist.data.imageio.Pictures.mask;
import static io.github.fmnist.data.imageio.Pictures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectedRegionsTest {
    @Test
    void regionsAreEightConnectedWithAreaBoxAndCentre() {
        ConnectedRegions regions = ConnectedRegions.of(mask(
                "##....",
                "##....",
                "..#..#",
                ".....#"));
        List<Region> found = regions.regions();
        assertEquals(2, found.size(), "the diagonal pixel joins the square");
        Region square = found.get(0);
        assertEquals(5, square.area());
        assertEquals(0, square.left());
        assertEquals(2, square.right());
        assertEquals(0, square.top());
        assertEquals(2, square.bottom());
        assertEquals(0.8, square.centreX(), 1e-9);
        Region bar = found.get(1);
        assertEquals(2, bar.area());
        assertEquals(5, bar.left());
        assertEquals(2.5, bar.centreY(), 1e-9);
        assertEquals(rows(
                "......",
                "......",
                ".....#",
                ".....#"), rows(regions.mask(label -> label == bar.label())));
    }

    @Test
    void emptyMaskHasNoRegions() {
        assertEquals(List.of(), ConnectedRegions.of(BinaryMask.empty(4, 3)).regions());
    }
}
