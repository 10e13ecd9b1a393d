package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static io.github.fmnist.data.imageio.Pictures.mask;
import static io.github.fmnist.data.imageio.Pictures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MorphologyTest {
    @Test
    void dilationGrowsAPixelIntoASquare() {
        BinaryMask dot = mask(".....", ".....", "..#..", ".....", ".....");
        assertEquals(rows(".....", ".###.", ".###.", ".###.", "....."), rows(Morphology.dilate(dot, 1)));
        assertEquals(rows("#####", "#####", "#####", "#####", "#####"), rows(Morphology.dilate(dot, 2)));
    }

    @Test
    void erosionShrinksButNotFromTheFrame() {
        BinaryMask block = mask("####.", "####.", "####.", "####.", ".....");
        // the frame counts as foreground: the block keeps its edge along the frame
        assertEquals(rows("###..", "###..", "###..", ".....", "....."), rows(Morphology.erode(block, 1)));
    }

    @Test
    void openingRemovesSpecksAndKeepsBlocks() {
        BinaryMask picture = mask(
                "#.........",
                "..........",
                "....###...",
                "....###...",
                "....###...",
                "..........",
                ".........#");
        assertEquals(rows(
                "..........",
                "..........",
                "....###...",
                "....###...",
                "....###...",
                "..........",
                ".........."), rows(Morphology.open(picture, 1)));
    }

    @Test
    void closingBridgesANarrowGap() {
        BinaryMask picture = mask(
                "...........",
                "...........",
                "..###.###..",
                "..###.###..",
                "..###.###..",
                "...........",
                "...........");
        assertEquals(rows(
                "...........",
                "...........",
                "..#######..",
                "..#######..",
                "..#######..",
                "...........",
                "..........."), rows(Morphology.close(picture, 1)));
    }

    @Test
    void reconstructionFollowsOnlyConnectedPixels() {
        BinaryMask limit = mask(
                "###...##",
                "..#...##",
                "..##....");
        BinaryMask seed = mask(
                "#.......",
                "........",
                "........");
        assertEquals(rows(
                "###.....",
                "..#.....",
                "..##...."), rows(Morphology.reconstruct(seed, limit)));
    }
}
