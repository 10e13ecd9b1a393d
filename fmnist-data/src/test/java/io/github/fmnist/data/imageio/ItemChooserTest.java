package io.github.fmnist.data.imageio;

import io.github.fmnist.data.imageio.ConnectedRegions.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemChooserTest {
    private static Region region(int label, int left, int top, int right, int bottom) {
        int area = (right - left + 1) * (bottom - top + 1);
        return new Region(label, area, left, top, right, bottom, (left + right) / 2.0, (top + bottom) / 2.0);
    }

    @Test
    void aCentralItemBeatsALargerRegionAlongTheFrame() {
        Region table = region(1, 0, 150, 199, 199);      // 200×50, touching three sides
        Region item = region(2, 70, 50, 129, 139);       // 60×90 in the middle
        Region prop = region(3, 5, 5, 30, 30);           // a corner prop
        List<Region> chosen = ItemChooser.choose(List.of(table, item, prop), 200, 200).orElseThrow();
        assertEquals(List.of(item), chosen);
    }

    @Test
    void smallPiecesInsideTheItemsBoxJoinIt() {
        Region sole = region(1, 40, 40, 160, 100);
        Region strap = region(2, 60, 35, 70, 38);        // just above, within the margin of 6
        Region far = region(3, 180, 180, 190, 190);
        List<Region> chosen = ItemChooser.choose(List.of(sole, strap, far), 200, 200).orElseThrow();
        assertEquals(List.of(sole, strap), chosen);
    }

    @Test
    void specksAloneAreNoItem() {
        assertTrue(ItemChooser.choose(List.of(region(1, 10, 10, 10, 10)), 200, 200).isEmpty());
    }
}
